import { describe, expect, it } from '@jest/globals';
import { Role } from '@concord/shared';
import { agreesDecisions, countText, decisionNumber, EMPTY_FILTER, exportFileName, isFiltered, mergeDecisionPages, proposesDecisions, toFilterInput, type LogPage } from './decisions';

describe('the decision log filter', () => {
  it('leaves out empty fields and trims the search', () => {
    expect(toFilterInput(EMPTY_FILTER)).toBeUndefined();
    expect(toFilterInput({ ...EMPTY_FILTER, search: '   ' })).toBeUndefined();
    expect(toFilterInput({ status: 'AGREED', milestoneId: 'm', meetingId: '', search: ' D-004 ' })).toEqual({ status: 'AGREED', milestoneId: 'm', search: 'D-004' });
    expect(isFiltered({ ...EMPTY_FILTER, meetingId: 'x' })).toBe(true);
  });

  it('names export files by date and filter', () => {
    expect(exportFileName('CSV', '2027-04-19', EMPTY_FILTER)).toBe('decision-log-2027-04-19.csv');
    expect(exportFileName('MARKDOWN', '2027-04-19', { ...EMPTY_FILTER, status: 'AGREED' })).toBe('decision-log-2027-04-19-agreed.md');
    expect(exportFileName('CSV', '2027-04-19', { ...EMPTY_FILTER, search: 'scope' })).toBe('decision-log-2027-04-19-filtered.csv');
  });

  it('lets editors propose and only leads agree', () => {
    expect(proposesDecisions(Role.EDITOR)).toBe(true);
    expect(proposesDecisions(Role.MEMBER)).toBe(false);
    expect(agreesDecisions(Role.LEAD)).toBe(true);
    expect(agreesDecisions(Role.EDITOR)).toBe(false);
  });
});

describe('the paged log', () => {
  type D = { id: string; ref: string; status: string };
  const d = (n: number, status = 'PROPOSED'): D => ({ id: `id-${n}`, ref: `D-${String(n).padStart(3, '0')}`, status });
  const range = (from: number, to: number, status?: string) => Array.from({ length: from - to + 1 }, (_, i) => d(from - i, status));
  const page = (items: D[], totalCount: number, nextCursor: string | null): LogPage<D> => ({ items, totalCount, nextCursor });
  const read = (status?: string) => ({ key: (x: D) => x.id, number: (x: D) => decisionNumber(x.ref), belongs: (x: D) => !status || x.status === status });
  const ids = (p: LogPage<D>) => p.items.map((x) => x.id);

  it('reads the number of a ref', () => {
    expect(decisionNumber('D-004')).toBe(4);
    expect(decisionNumber('D-1200')).toBe(1200);
    expect(decisionNumber('x')).toBeNaN();
  });

  it('appends a next page, without an item twice', () => {
    const merged = mergeDecisionPages(page(range(10, 6), 10, 'c6'), page([d(6), ...range(5, 1)], 10, null), true, read());
    expect(ids(merged)).toEqual(ids(page(range(10, 1), 10, null)));
    expect(merged.nextCursor).toBeNull();
  });

  it('a refetched first page keeps the pages loaded after it: a new decision on top, nothing lost or twice', () => {
    const loaded = page(range(10, 3), 10, 'c3');
    const merged = mergeDecisionPages(loaded, page(range(11, 8), 11, 'c8'), false, read());
    expect(ids(merged)).toEqual(ids(page(range(11, 3), 0, null)));
    expect(merged).toMatchObject({ totalCount: 11, nextCursor: 'c3' });
    // Only the first page loaded: the fresh one, and what of the loaded one it pushed down.
    expect(mergeDecisionPages(page(range(10, 7), 10, 'c7'), page(range(11, 8), 11, 'c8'), false, read())).toEqual(page(range(11, 7), 11, 'c7'));
    expect(mergeDecisionPages(page(range(10, 7), 10, 'c7'), page(range(10, 7), 10, 'c7'), false, read())).toEqual(page(range(10, 7), 10, 'c7'));
    // The whole log in one page: it replaces everything.
    expect(ids(mergeDecisionPages(loaded, page(range(4, 1), 4, null), false, read()))).toEqual(ids(page(range(4, 1), 4, null)));
  });

  it('drops a loaded decision that has left the filtered log (agreed under a "proposed" filter)', () => {
    const loaded = page([...range(10, 6), d(5, 'AGREED'), d(4)], 9, 'c4');
    const merged = mergeDecisionPages(loaded, page(range(10, 8), 8, 'c8'), false, read('PROPOSED'));
    expect(ids(merged)).toEqual(['id-10', 'id-9', 'id-8', 'id-7', 'id-6', 'id-4']);
  });

  it('says how much of the log is shown', () => {
    expect(countText(25, 230, false)).toBe('Showing 25 of 230 decisions');
    expect(countText(3, 3, true)).toBe('3 decisions that match the filter');
    expect(countText(1, 1, true)).toBe('1 decision that matches the filter');
    expect(countText(25, 40, true)).toBe('Showing 25 of 40 decisions that match the filter');
  });
});
