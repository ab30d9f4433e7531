// Keyset paging's pure part (cursors, sizes, pages); the GraphQL types are in paging.ts.
import { badInput } from './domain-error';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** One page of a list. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  nextCursor: string | null;
}

/** A cursor's content: the sort key of the last item returned, and its id (the tie-breaker). */
export type CursorKey = [key: string | number | null, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A row id as PostgreSQL prints a uuid (the one pattern for ids the API checks before querying). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursor sort keys: what a paged list orders by. */
export const isText = (key: unknown): key is string => typeof key === 'string';
export const isInteger = (key: unknown): key is number => typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 2_147_483_647;

/**
 * Decodes `after` into the sort key `isKey` accepts and the row id (a uuid); throws BAD_USER_INPUT on
 * `after` unless it is a cursor this API made for that list, so a forged one never reaches SQL.
 */
export function decodeCursor<K extends string | number>(after: string | null | undefined, isKey: (key: unknown) => key is K): [K, string] | null {
  if (after == null || after === '') return null;
  try {
    if (after.length > 512 || !/^[A-Za-z0-9_-]+$/.test(after)) throw new Error('not base64url');
    const key: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && isKey(key[0]) && typeof key[1] === 'string' && UUID.test(key[1])) return [key[0], key[1]];
  } catch {
    // fall through
  }
  throw badInput('after', 'That page cursor is not valid: start again from the first page');
}

/** Checks `first`; throws BAD_USER_INPUT outside 1..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badInput('first', `Ask for between 1 and ${MAX_PAGE_SIZE} items`);
  return n;
}

/**
 * Builds the page from rows fetched with LIMIT size + 1 (the extra row says whether there is more).
 * `keyOf` gives an item's cursor key, the same sort key the query ordered and filtered by.
 */
export function toPage<T>(rows: T[], size: number, totalCount: number, keyOf: (item: T) => CursorKey): Page<T> {
  const items = rows.slice(0, size);
  const more = rows.length > size;
  return { items, totalCount, nextCursor: more && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
