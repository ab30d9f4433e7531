import { describe, expect, it } from '@jest/globals';
import { daysBetween, isCalendarDate, isOverdue, londonDate, milestoneStatus, PlanDeliverable } from './status';

const d = (title: string, dueOn: string, done = false): PlanDeliverable => ({ title, dueOn, done });
const at = (iso: string) => new Date(iso);

describe('calendar dates in Europe/London', () => {
  it('reads today in London, not in UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(londonDate(at('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    // In winter London is on UTC.
    expect(londonDate(at('2027-01-31T23:30:00Z'))).toBe('2027-01-31');
  });

  it('counts calendar days across the clock change (28 March 2027, a 23-hour day)', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2); // 31 October has 25 hours
    expect(daysBetween('2027-02-02', '2027-01-31')).toBe(-2);
  });
});

describe('milestone status', () => {
  const due = '2027-04-19';
  const three = [d('Data collection finalised', '2027-03-31', true), d('Draft to stakeholders', '2027-04-07'), d('Draft to the Taskforce', '2027-04-19')];

  it('is DONE when every deliverable is done, whatever the date', () => {
    expect(milestoneStatus(due, three.map((x) => ({ ...x, done: true })), at('2027-05-30T12:00:00Z'))).toEqual({ status: 'DONE', reason: 'All 3 deliverables done' });
  });

  it('is ON_TRACK outside the window with nothing overdue', () => {
    expect(milestoneStatus(due, three, at('2027-04-01T12:00:00Z'))).toEqual({ status: 'ON_TRACK', reason: '2 of 3 deliverables open, due in 18 days' });
  });

  it('becomes AT_RISK exactly 14 days before the due date, not 15', () => {
    const noneOverdue = [d('A', '2027-04-19'), d('B', '2027-04-19', true)];
    expect(milestoneStatus(due, noneOverdue, at('2027-04-04T12:00:00Z')).status).toBe('ON_TRACK'); // 15 days
    expect(milestoneStatus(due, noneOverdue, at('2027-04-05T12:00:00Z'))).toEqual({ status: 'AT_RISK', reason: '1 of 2 deliverables open, due in 14 days' });
  });

  it('is AT_RISK when a deliverable is overdue, from the first minute after its day ends in London', () => {
    // Draft to stakeholders due 7 April: still due at 23:59 BST (22:59 UTC), overdue at 00:00 BST on the 8th.
    expect(milestoneStatus('2027-05-31', three, at('2027-04-07T22:59:00Z')).status).toBe('ON_TRACK');
    const overdue = milestoneStatus('2027-05-31', three, at('2027-04-07T23:00:00Z'));
    expect(overdue.status).toBe('AT_RISK');
    expect(overdue.reason).toBe('“Draft to stakeholders” is 1 day overdue; 2 of 3 deliverables open, due in 53 days');
  });

  it('is LATE once its own due date has passed with deliverables open', () => {
    expect(milestoneStatus(due, three, at('2027-04-19T22:59:00Z')).status).toBe('AT_RISK'); // due today, 23:59 BST
    expect(milestoneStatus(due, three, at('2027-04-19T23:00:00Z'))).toEqual({ status: 'LATE', reason: '2 of 3 deliverables open, due 1 day ago' });
  });

  it('respects the clock change: a deliverable due on 28 March (the day BST starts) is overdue at 23:00 UTC', () => {
    const m = [d('Criteria agreed', '2027-03-28')];
    expect(milestoneStatus('2027-04-30', m, at('2027-03-28T22:59:00Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-04-30', m, at('2027-03-28T23:00:00Z')).status).toBe('AT_RISK');
    // In winter (GMT) the day ends at midnight UTC.
    const w = [d('Scope agreed', '2027-02-02')];
    expect(milestoneStatus('2027-04-30', w, at('2027-02-02T23:59:00Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-04-30', w, at('2027-02-03T00:00:00Z')).status).toBe('AT_RISK');
  });

  it('takes a configurable window, and says so when there are no deliverables', () => {
    expect(milestoneStatus(due, [d('A', due)], at('2027-04-01T12:00:00Z'), 30).status).toBe('AT_RISK');
    expect(milestoneStatus(due, [], at('2027-04-01T12:00:00Z'))).toEqual({ status: 'ON_TRACK', reason: 'No deliverables yet, due in 18 days' });
    expect(milestoneStatus(due, [], at('2027-04-20T12:00:00Z')).status).toBe('LATE');
  });
});

describe('a single due date', () => {
  it('is overdue once its day has ended in London', () => {
    expect(isOverdue('2027-04-19', at('2027-04-19T22:59:59Z'))).toBe(false);
    expect(isOverdue('2027-04-19', at('2027-04-19T23:00:00Z'))).toBe(true);
    expect(isOverdue('2027-01-19', at('2027-01-19T23:59:59Z'))).toBe(false);
    expect(isOverdue('2027-01-19', at('2027-01-20T00:00:00Z'))).toBe(true);
  });
});

describe('calendar date input', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true); // a leap year
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-4-19')).toBe(false);
    expect(isCalendarDate('19/04/2027')).toBe(false);
    expect(isCalendarDate('2027-04-19T00:00:00Z')).toBe(false);
  });
});

describe('boundaries across the clock changes', () => {
  // 2027: BST starts at 01:00 UTC on Sunday 28 March and ends at 01:00 UTC on Sunday 31 October.
  it('a deliverable due the day before BST starts is overdue at midnight GMT', () => {
    const m = [d('Data collection', '2027-03-27')];
    expect(milestoneStatus('2027-04-30', m, at('2027-03-27T23:59:59Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-04-30', m, at('2027-03-28T00:00:00Z')).status).toBe('AT_RISK');
  });

  it('a deliverable due on the day BST ends (a 25-hour day) is overdue at midnight GMT, not an hour earlier', () => {
    const m = [d('Final text', '2027-10-31')];
    expect(milestoneStatus('2027-11-30', m, at('2027-10-31T23:00:00Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-11-30', m, at('2027-10-31T23:59:59Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-11-30', m, at('2027-11-01T00:00:00Z')).status).toBe('AT_RISK');
  });

  it('a deliverable due the day before BST ends is overdue at midnight BST (23:00 UTC)', () => {
    const m = [d('Draft', '2027-10-30')];
    expect(milestoneStatus('2027-11-30', m, at('2027-10-30T22:59:59Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-11-30', m, at('2027-10-30T23:00:00Z')).status).toBe('AT_RISK');
  });

  it('a milestone due on a clock-change day turns LATE at the end of that day in London', () => {
    const open = [d('A', '2027-03-28')];
    expect(milestoneStatus('2027-03-28', open, at('2027-03-28T22:59:59Z'))).toEqual({ status: 'AT_RISK', reason: '1 of 1 deliverable open, due today' });
    expect(milestoneStatus('2027-03-28', open, at('2027-03-28T23:00:00Z'))).toEqual({ status: 'LATE', reason: '1 of 1 deliverable open, due 1 day ago' });
    const autumn = [d('A', '2027-10-31')];
    expect(milestoneStatus('2027-10-31', autumn, at('2027-10-31T23:59:59Z')).status).toBe('AT_RISK');
    expect(milestoneStatus('2027-10-31', autumn, at('2027-11-01T00:00:00Z')).status).toBe('LATE');
  });

  it('the risk window opens at London midnight 14 calendar days before, across either change', () => {
    const spring = [d('A', '2027-04-11')];
    // 14 days before 11 April is 28 March, the day BST starts: the window opens at 00:00 GMT.
    expect(milestoneStatus('2027-04-11', spring, at('2027-03-27T23:59:59Z')).reason).toBe('1 of 1 deliverable open, due in 15 days');
    expect(milestoneStatus('2027-04-11', spring, at('2027-03-27T23:59:59Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-04-11', spring, at('2027-03-28T00:00:00Z')).status).toBe('AT_RISK');
    // 14 days before 14 November is 31 October, the day BST ends: the window opens at 00:00 BST (23:00 UTC the day before).
    const autumn = [d('A', '2027-11-14')];
    expect(milestoneStatus('2027-11-14', autumn, at('2027-10-30T22:59:59Z')).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-11-14', autumn, at('2027-10-30T23:00:00Z'))).toEqual({ status: 'AT_RISK', reason: '1 of 1 deliverable open, due in 14 days' });
  });
});

describe('precedence, windows and wording', () => {
  it('DONE beats LATE, and LATE beats an overdue deliverable', () => {
    expect(milestoneStatus('2027-02-28', [d('A', '2027-02-02', true)], at('2027-06-01T12:00:00Z')).status).toBe('DONE');
    expect(milestoneStatus('2027-02-28', [d('A', '2027-02-02'), d('B', '2027-02-27', true)], at('2027-03-05T12:00:00Z'))).toEqual({
      status: 'LATE',
      reason: '1 of 2 deliverables open, due 5 days ago',
    });
  });

  it('names the earliest overdue deliverable and counts the others', () => {
    const m = [d('Later', '2027-02-20'), d('Earliest', '2027-02-13'), d('Not yet', '2027-02-27')];
    expect(milestoneStatus('2027-02-28', m, at('2027-02-21T12:00:00Z')).reason).toBe('“Earliest” is 8 days overdue and 1 other; 3 of 3 deliverables open, due in 7 days');
  });

  it('a window of 0 days flags only the due date itself; a negative window never flags', () => {
    const m = [d('A', '2027-04-19')];
    expect(milestoneStatus('2027-04-19', m, at('2027-04-18T12:00:00Z'), 0).status).toBe('ON_TRACK');
    expect(milestoneStatus('2027-04-19', m, at('2027-04-19T12:00:00Z'), 0).status).toBe('AT_RISK');
    expect(milestoneStatus('2027-04-19', m, at('2027-04-19T12:00:00Z'), -1).status).toBe('ON_TRACK');
  });

  it('an empty milestone is never DONE: it has nothing open to put at risk until its date passes, then it is LATE', () => {
    expect(milestoneStatus('2027-04-19', [], at('2027-04-19T12:00:00Z'))).toEqual({ status: 'ON_TRACK', reason: 'No deliverables yet, due today' });
    expect(milestoneStatus('2027-04-19', [], at('2027-04-19T23:00:00Z'))).toEqual({ status: 'LATE', reason: 'No deliverables yet, due 1 day ago' });
  });
});
