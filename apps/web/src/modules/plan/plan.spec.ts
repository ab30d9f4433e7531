import { describe, expect, it } from '@jest/globals';
import { Role } from '@concord/shared';
import {
  daysBetween,
  daysToGo,
  deliverablesNeedingAttention,
  dueWords,
  formatCalendarDate,
  londonToday,
  mayTick,
  monthTicks,
  nextMeeting,
  position,
  timelineRange,
  todayAgainstPlan,
} from './plan';

describe('calendar dates in Europe/London', () => {
  it('takes today from London, across midnight and the clock change', () => {
    expect(londonToday(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-27'); // GMT
    expect(londonToday(new Date('2027-03-28T23:30:00Z'))).toBe('2027-03-29'); // BST: already tomorrow
  });

  it('counts whole days, negative backwards, across the clock change', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-02-02', '2027-02-01')).toBe(-1);
  });

  it('formats a date as its calendar day whatever the time zone', () => {
    expect(formatCalendarDate('2027-04-19')).toBe('19 April 2027');
    expect(formatCalendarDate('not a date')).toBe('not a date');
  });

  it('says when something is due', () => {
    expect(dueWords('2027-04-10', '2027-04-10', false)).toBe('due today');
    expect(dueWords('2027-04-10', '2027-04-11', false)).toBe('due tomorrow');
    expect(dueWords('2027-04-10', '2027-04-15', false)).toBe('due in 5 days');
    expect(dueWords('2027-04-10', '2027-04-07', false)).toBe('3 days overdue');
    expect(dueWords('2027-04-10', '2027-04-07', true)).toBe('done');
    expect(daysToGo(1)).toBe('1 day to go');
    expect(daysToGo(0)).toBe('Today');
  });
});

describe('the timeline', () => {
  const dates = ['2027-02-01', '2027-02-28', '2027-04-19', '2027-05-31'];

  it('spans February to May of the plan', () => {
    const range = timelineRange(dates, '2026-11-21');
    expect(range).toEqual({ start: '2027-02-01', end: '2027-05-31', span: 119 });
    expect(monthTicks(range).map((t) => t.label)).toEqual(['February', 'March', 'April', 'May']);
    expect(position(range, '2027-02-01')).toBe(0);
    expect(position(range, '2027-05-31')).toBe(100);
    expect(position(range, '2026-11-21')).toBe(0);
  });

  it('widens to hold a date outside February–May', () => {
    expect(timelineRange([...dates, '2027-06-10'], '2027-01-01').end).toBe('2027-06-30');
    expect(timelineRange(['2027-01-15', ...dates], '2027-01-01').start).toBe('2027-01-01');
  });

  it('says when today is before, during or after the plan', () => {
    const range = timelineRange(dates, '2026-11-21');
    expect(todayAgainstPlan(range, '2026-11-21')).toEqual({
      where: 'before',
      text: 'Today, 21 November 2026, is before the plan: it starts on 1 February 2027, in 72 days.',
    });
    expect(todayAgainstPlan(range, '2027-03-01').where).toBe('during');
    expect(todayAgainstPlan(range, '2027-06-01').where).toBe('after');
  });

  it('with nothing planned, shows the coming February to May', () => {
    expect(timelineRange([], '2026-11-21').start).toBe('2027-02-01');
    expect(timelineRange([], '2027-01-10').start).toBe('2027-02-01');
  });
});

describe('meetings and deliverables', () => {
  const meetings = [
    { id: 'c', date: '2027-05-31', kind: 'TASKFORCE' as const },
    { id: 'w', date: '2027-03-01', kind: 'WORKING_GROUP' as const },
    { id: 'a', date: '2027-02-02', kind: 'TASKFORCE' as const },
    { id: 'b', date: '2027-04-19', kind: 'TASKFORCE' as const },
  ];

  it('finds the next Taskforce meeting from today on', () => {
    expect(nextMeeting(meetings, '2026-11-21')?.id).toBe('a');
    expect(nextMeeting(meetings, '2027-02-02')?.id).toBe('a');
    expect(nextMeeting(meetings, '2027-02-03')?.id).toBe('b');
    expect(nextMeeting(meetings, '2027-06-01')).toBeUndefined();
    expect(nextMeeting(meetings, '2027-02-03', 'WORKING_GROUP')?.id).toBe('w');
  });

  it('lists late then at-risk open deliverables by due date', () => {
    const milestones = [
      {
        riskWindowDays: 14,
        deliverables: [
          { id: 'late', done: false, dueDate: '2027-04-01' },
          { id: 'done', done: true, dueDate: '2027-03-01' },
          { id: 'edge', done: false, dueDate: '2027-04-24' },
          { id: 'far', done: false, dueDate: '2027-04-25' },
          { id: 'today', done: false, dueDate: '2027-04-10' },
        ],
      },
    ];
    const { late, atRisk } = deliverablesNeedingAttention(milestones, '2027-04-10');
    expect(late.map((d) => d.id)).toEqual(['late']);
    expect(atRisk.map((d) => d.id)).toEqual(['today', 'edge']);
  });

  it('lets a lead tick any deliverable and others only their own', () => {
    expect(mayTick(Role.LEAD, 'me', { ownerId: 'someone' })).toBe(true);
    expect(mayTick(Role.EDITOR, 'me', { ownerId: 'me' })).toBe(true);
    expect(mayTick(Role.MEMBER, 'me', { ownerId: 'someone' })).toBe(false);
    expect(mayTick(Role.OBSERVER, 'me', { ownerId: 'me' })).toBe(false);
  });
});
