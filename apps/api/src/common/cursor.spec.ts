import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, isInteger, isText, MAX_PAGE_SIZE, pageSize, toPage } from './cursor';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

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
    expect(decodeCursor(encodeCursor(['Liaison service', ID]), isText)).toEqual(['Liaison service', ID]);
    expect(decodeCursor(encodeCursor([3, ID]), isInteger)).toEqual([3, ID]);
    expect(decodeCursor(null, isText)).toBeNull();
    expect(decodeCursor('', isInteger)).toBeNull();
  });

  it('refuses cursors it did not make, with a code on `after`', () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const bad = ['!!', 'x'.repeat(600), forged({ a: 1 }), forged([1]), forged([1, 2]), 'bm90IGpzb24', forged([3, 'not-a-uuid']), forged(['text', ID]), forged([1.5, ID]), forged([-1, ID]), forged([null, ID])];
    for (const after of bad) {
      expect({ after, error: code(() => decodeCursor(after, isInteger)) }).toEqual({ after, error: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
    // The same cursor is refused by a list whose key is of another kind.
    expect(code(() => decodeCursor(encodeCursor([3, ID]), isText))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const n of [0, -1, MAX_PAGE_SIZE + 1, 1.5]) expect(code(() => pageSize(n))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('builds a page from size + 1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: ID.replace(/e$/, String(n)), at: n }));
    const full = toPage(rows, 2, 3, (r) => [r.at, r.id]);
    expect(full.items.map((r) => r.at)).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor, isInteger)).toEqual([2, rows[1].id]);
    expect(toPage(rows, 3, 3, (r) => [r.at, r.id]).nextCursor).toBeNull();
    expect(toPage([], 3, 0, () => [0, '']).nextCursor).toBeNull();
  });
});
