import { describe, expect, it } from '@jest/globals';
import { colourFor, safeColour, USER_COLOURS } from './user-colour';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('caret colours', () => {
  it.each(USER_COLOURS)('%s carries white caret labels at 4.5:1 and stands out at 3:1 on the page and the text', (colour) => {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, '#f0f4f5')).toBeGreaterThanOrEqual(3);
  });

  it('gives a user the same palette colour every time, and spreads users over the palette', () => {
    expect(colourFor('a1b2c3')).toBe(colourFor('a1b2c3'));
    expect(USER_COLOURS).toContain(colourFor('a1b2c3'));
    const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(new Set(ids.map(colourFor)).size).toBeGreaterThan(5);
  });

  it('replaces a colour from another browser that is not in the palette', () => {
    expect(safeColour(USER_COLOURS[3], 'x')).toBe(USER_COLOURS[3]);
    expect(safeColour('#ffff00', 'x')).toBe(colourFor('x'));
    expect(safeColour('red; background: url(x)', 'x')).toBe(colourFor('x'));
    expect(safeColour(undefined, 'x')).toBe(colourFor('x'));
  });
});
