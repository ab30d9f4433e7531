import { describe, expect, it } from '@jest/globals';
import { normaliseHref } from './links';

describe('link addresses', () => {
  it('keeps web and email addresses, adding the scheme people leave out', () => {
    expect(normaliseHref('https://www.universitiesuk.ac.uk/')).toBe('https://www.universitiesuk.ac.uk/');
    expect(normaliseHref(' officeforstudents.org.uk/publications ')).toBe('https://officeforstudents.org.uk/publications');
    expect(normaliseHref('name@example.org')).toBe('mailto:name@example.org');
    expect(normaliseHref('mailto:name@example.org')).toBe('mailto:name@example.org');
  });

  it('refuses scripts, other schemes and things that are not addresses', () => {
    expect(normaliseHref('javascript:alert(1)')).toBeUndefined();
    expect(normaliseHref('data:text/html,hi')).toBeUndefined();
    expect(normaliseHref('ftp://example.org')).toBeUndefined();
    expect(normaliseHref('not an address')).toBeUndefined();
    expect(normaliseHref('')).toBeUndefined();
  });
});
