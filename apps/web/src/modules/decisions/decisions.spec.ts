import { describe, expect, it } from '@jest/globals';
import { Role } from '@concord/shared';
import { agreesDecisions, EMPTY_FILTER, exportFileName, isFiltered, proposesDecisions, toFilterInput } from './decisions';

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
