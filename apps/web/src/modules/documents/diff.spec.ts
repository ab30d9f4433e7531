import { describe, expect, it } from '@jest/globals';
import { foldUnchanged } from './diff';

const paragraphs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `Paragraph ${from + i}.`).join('\n\n');

describe('folding a comparison', () => {
  it('keeps a change with the paragraph before and after it, and counts the rest', () => {
    expect(
      foldUnchanged([
        { kind: 'UNCHANGED', text: `${paragraphs(6)}\n\n` },
        { kind: 'ADDED', text: 'A new paragraph.' },
        { kind: 'UNCHANGED', text: `\n\n${paragraphs(5, 6)}` },
      ]),
    ).toEqual([
      { kind: 'FOLDED', paragraphs: 5 },
      { kind: 'UNCHANGED', text: 'Paragraph 5.\n\n' },
      { kind: 'ADDED', text: 'A new paragraph.' },
      { kind: 'UNCHANGED', text: '\n\nParagraph 6.' },
      { kind: 'FOLDED', paragraphs: 4 },
    ]);
  });

  it('keeps the rest of the paragraphs that changes are in', () => {
    const folded = foldUnchanged([
      { kind: 'REMOVED', text: 'old' },
      { kind: 'UNCHANGED', text: ` words end here.\n\n${paragraphs(3)}\n\nThis paragraph starts with ` },
      { kind: 'ADDED', text: 'new' },
    ]);
    expect(folded).toEqual([
      { kind: 'REMOVED', text: 'old' },
      { kind: 'UNCHANGED', text: ' words end here.' },
      { kind: 'FOLDED', paragraphs: 3 },
      { kind: 'UNCHANGED', text: 'This paragraph starts with ' },
      { kind: 'ADDED', text: 'new' },
    ]);
  });

  it('folds nothing when nothing changed or when little would be hidden', () => {
    const same = [{ kind: 'UNCHANGED' as const, text: paragraphs(20) }];
    expect(foldUnchanged(same)).toEqual(same);
    const short = [{ kind: 'UNCHANGED' as const, text: `${paragraphs(2)}\n\n` }, { kind: 'ADDED' as const, text: 'x' }];
    expect(foldUnchanged(short)).toEqual(short);
  });
});
