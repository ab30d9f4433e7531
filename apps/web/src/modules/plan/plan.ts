// The plan in the web app: calendar dates (Europe/London, as the server computes statuses), status words,
// who may tick what, and where things sit on the timeline. Pure functions, unit-tested in plan.spec.ts.
import { Role } from '@concord/shared';
import type { MeetingKind, MilestoneStatus } from '../../generated/graphql';

const TIME_ZONE = 'Europe/London';

/** Today's calendar date in Europe/London, as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function utc(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const calendarFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** "19 April 2027" for a calendar date, whatever the browser's time zone. */
export function formatCalendarDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? calendarFormat.format(utc(date)) : date;
}

/** "19 Apr". */
export function formatShortDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? shortFormat.format(utc(date)) : date;
}

/** "Monday 19 April 2027". */
export function formatLongDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? weekdayFormat.format(utc(date)) : date;
}

const days = (n: number) => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;

/** "today", "tomorrow", "in 12 days", "3 days ago". */
export function relativeDays(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${days(n)}` : `${days(-n)} ago`;
}

export const STATUS_LABELS: Record<MilestoneStatus, string> = {
  DONE: 'Done',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  LATE: 'Late',
};

/** Colour and a shape that says the same thing, so status never relies on colour alone (WCAG 1.4.1). */
export const STATUS_STYLE: Record<MilestoneStatus, { color: string; symbol: string; shape: 'check' | 'circle' | 'triangle' | 'square' }> = {
  DONE: { color: 'success', symbol: '✓', shape: 'check' },
  ON_TRACK: { color: 'concordBlue', symbol: '●', shape: 'circle' },
  AT_RISK: { color: 'warning', symbol: '▲', shape: 'triangle' },
  LATE: { color: 'danger', symbol: '■', shape: 'square' },
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  TASKFORCE: 'Taskforce meeting',
  WORKING_GROUP: 'Working group meeting',
};

/** A lead ticks any deliverable; its owner ticks their own (the server checks the same). */
export function mayTick(role: Role, myMemberId: string, deliverable: { ownerId: string | null }): boolean {
  if (role === Role.LEAD) return true;
  return (role === Role.EDITOR || role === Role.MEMBER) && deliverable.ownerId === myMemberId;
}

/** Freeze the draft at the gate; add, change and remove agenda items. */
export function managesMeetings(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

export const mayTriggerGate = managesMeetings;

/** The plan, activity and meetings are not shared with reviewers. */
export function readsPlan(role: Role): boolean {
  return role !== Role.REVIEWER;
}

/** The next meeting of a kind on or after today (meetings come sorted by date, but do not rely on it). */
export function nextMeeting<M extends { date: string; kind: MeetingKind }>(meetings: readonly M[], today: string, kind: MeetingKind = 'TASKFORCE'): M | undefined {
  return [...meetings].filter((m) => m.kind === kind && m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}

export interface TimelineRange {
  start: string;
  end: string;
  /** Days from start to end. */
  span: number;
}

/**
 * February to May of the plan's year, widened to hold every milestone and meeting; with nothing planned, the
 * coming February to May.
 */
export function timelineRange(dates: readonly string[], today: string): TimelineRange {
  const sorted = [...dates].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const year = sorted.length > 0 ? +sorted[0].slice(0, 4) : +today.slice(5, 7) >= 2 ? +today.slice(0, 4) + 1 : +today.slice(0, 4);
  let start = `${year}-02-01`;
  let end = `${year}-05-31`;
  if (sorted.length > 0) {
    if (sorted[0] < start) start = `${sorted[0].slice(0, 7)}-01`;
    const last = sorted[sorted.length - 1];
    if (last > end) end = lastDayOfMonth(last);
  }
  return { start, end, span: daysBetween(start, end) };
}

function lastDayOfMonth(date: string): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7), 0));
  return d.toISOString().slice(0, 10);
}

/** Where a date sits on the timeline, 0–100 (clamped). */
export function position(range: TimelineRange, date: string): number {
  if (range.span <= 0) return 0;
  return Math.min(100, Math.max(0, (daysBetween(range.start, date) / range.span) * 100));
}

/** The first day of each month in the range, for the axis. */
export function monthTicks(range: TimelineRange): { date: string; label: string }[] {
  const ticks: { date: string; label: string }[] = [];
  let y = +range.start.slice(0, 4);
  let m = +range.start.slice(5, 7);
  for (;;) {
    const date = `${y}-${String(m).padStart(2, '0')}-01`;
    if (date > range.end) break;
    ticks.push({ date, label: monthFormat.format(utc(date)) });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return ticks;
}

/** Where today stands against the plan, in words: before it, during it, or after it. */
export function todayAgainstPlan(range: TimelineRange, today: string): { where: 'before' | 'during' | 'after'; text: string } {
  const toStart = daysBetween(today, range.start);
  if (toStart > 0) return { where: 'before', text: `Today, ${formatCalendarDate(today)}, is before the plan: it starts on ${formatCalendarDate(range.start)}, ${relativeDays(toStart)}.` };
  const sinceEnd = daysBetween(range.end, today);
  if (sinceEnd > 0) return { where: 'after', text: `Today, ${formatCalendarDate(today)}, is after the plan, which ended on ${formatCalendarDate(range.end)}.` };
  return { where: 'during', text: `Today is ${formatCalendarDate(today)}.` };
}

/** "12 days to go", "today", "3 days ago". */
export function daysToGo(n: number): string {
  if (n === 0) return 'Today';
  if (n > 0) return `${days(n)} to go`;
  return `${days(-n)} ago`;
}

/** Late first, then at risk (open and due within the window), by due date. */
export function deliverablesNeedingAttention<D extends { done: boolean; dueDate: string }>(
  milestones: readonly { riskWindowDays: number; deliverables: readonly D[] }[],
  today: string,
): { late: D[]; atRisk: D[] } {
  const late: D[] = [];
  const atRisk: D[] = [];
  for (const m of milestones) {
    for (const d of m.deliverables) {
      if (d.done) continue;
      const left = daysBetween(today, d.dueDate);
      if (left < 0) late.push(d);
      else if (left <= m.riskWindowDays) atRisk.push(d);
    }
  }
  const byDue = (a: D, b: D) => a.dueDate.localeCompare(b.dueDate);
  return { late: late.sort(byDue), atRisk: atRisk.sort(byDue) };
}

/** "due in 5 days", "due today", "3 days overdue". */
export function dueWords(today: string, dueDate: string, done: boolean): string {
  if (done) return 'done';
  const n = daysBetween(today, dueDate);
  if (n === 0) return 'due today';
  if (n > 0) return `due ${relativeDays(n)}`;
  return `${days(-n)} overdue`;
}

export function milestonesHref(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/milestones`;
}

export function briefingHref(workspaceId: string, meetingId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/briefing`;
}

/** An id for in-page links to a milestone on the milestones page. */
export function milestoneAnchor(milestoneId: string): string {
  return `milestone-${milestoneId}`;
}

export function meetingAnchor(meetingId: string): string {
  return `meeting-${meetingId}`;
}
