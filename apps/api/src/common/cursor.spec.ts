import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toPage } from './cursor';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code?: string }).code, field: (e as { field?: string }).field };
  }
  return null;
};

describe('keyset paging', () => {
  it('round-trips a cursor and treats none as the first page', () => {
    expect(decodeCursor(encodeCursor(['2026-02-02T10:00:00.000Z', 'a1']))).toEqual(['2026-02-02T10:00:00.000Z', 'a1']);
    expect(decodeCursor(encodeCursor([3, 'b']))).toEqual([3, 'b']);
    expect(decodeCursor(encodeCursor([null, 'c']))).toEqual([null, 'c']);
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it('refuses cursors it did not make, with a code on `after`', () => {
    for (const bad of ['!!', 'x'.repeat(600), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), 'bm90IGpzb24']) {
      expect({ bad, error: code(() => decodeCursor(bad)) }).toEqual({ bad, error: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const n of [0, -1, MAX_PAGE_SIZE + 1, 1.5]) expect(code(() => pageSize(n))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('builds a page from size + 1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `i${n}`, at: n }));
    const full = toPage(rows, 2, 3, (r) => [r.at, r.id]);
    expect(full.items.map((r) => r.id)).toEqual(['i1', 'i2']);
    expect(decodeCursor(full.nextCursor)).toEqual([2, 'i2']);
    expect(toPage(rows, 3, 3, (r) => [r.at, r.id]).nextCursor).toBeNull();
    expect(toPage([], 3, 0, () => [0, '']).nextCursor).toBeNull();
  });
});
