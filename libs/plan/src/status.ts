// Milestone status, computed and never typed by hand. Dates are calendar dates in Europe/London; a
// deliverable due on a date is due at the end of that day there (so it becomes overdue at local
// midnight, whether the clocks say GMT or BST).

export type MilestoneStatus = 'DONE' | 'ON_TRACK' | 'AT_RISK' | 'LATE';

export interface PlanDeliverable {
  title: string;
  /** YYYY-MM-DD, a calendar date in Europe/London. */
  dueOn: string;
  done: boolean;
}

export interface StatusResult {
  status: MilestoneStatus;
  reason: string;
}

export const DEFAULT_RISK_WINDOW_DAYS = 14;
const TIME_ZONE = 'Europe/London';

/** Made once: building an Intl formatter with a time zone costs far more than using one. */
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Europe/London, as YYYY-MM-DD. */
export function londonDate(now: Date): string {
  const parts = LONDON_DAY.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** True for a real calendar date written YYYY-MM-DD (so 2027-02-29 and 2027-13-01 are not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = [+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10)];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

/** Whether something due on `dueOn` is overdue at `now`: its day has ended in London. */
export function isOverdue(dueOn: string, now: Date): boolean {
  return daysBetween(londonDate(now), dueOn) < 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const dueIn = (days: number) => (days === 0 ? 'due today' : days > 0 ? `due in ${plural(days, 'day')}` : `due ${plural(-days, 'day')} ago`);

/**
 * DONE when every deliverable is done; LATE when past due and not done; AT_RISK when due within the
 * window with deliverables open, or when any deliverable is overdue; otherwise ON_TRACK.
 */
export function milestoneStatus(dueOn: string, deliverables: readonly PlanDeliverable[], now: Date, windowDays = DEFAULT_RISK_WINDOW_DAYS): StatusResult {
  const today = londonDate(now);
  const open = deliverables.filter((d) => !d.done);
  const total = deliverables.length;
  const days = daysBetween(today, dueOn);
  if (total > 0 && open.length === 0) return { status: 'DONE', reason: `All ${plural(total, 'deliverable')} done` };
  const openPart = total === 0 ? 'No deliverables yet' : `${open.length} of ${plural(total, 'deliverable')} open`;
  if (days < 0) return { status: 'LATE', reason: `${openPart}, ${dueIn(days)}` };
  const overdue = open.filter((d) => daysBetween(today, d.dueOn) < 0).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  if (overdue.length > 0) {
    const late = -daysBetween(today, overdue[0].dueOn);
    const more = overdue.length > 1 ? ` and ${plural(overdue.length - 1, 'other')}` : '';
    return { status: 'AT_RISK', reason: `“${overdue[0].title}” is ${plural(late, 'day')} overdue${more}; ${openPart.toLowerCase()}, ${dueIn(days)}` };
  }
  if (open.length > 0 && days <= windowDays) return { status: 'AT_RISK', reason: `${openPart}, ${dueIn(days)}` };
  return { status: 'ON_TRACK', reason: `${openPart}, ${dueIn(days)}` };
}
