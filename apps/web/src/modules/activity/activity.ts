// The activity feed's pure parts: merging live events into the list, and a short word per kind.
import type { ActivityKind } from '../../generated/graphql';

export interface ActivityLike {
  id: string;
  createdAt: string;
}

/** Adds an event at the top unless it is already there; newest first, at most `limit`. */
export function mergeActivity<E extends ActivityLike>(events: readonly E[], incoming: E, limit: number): E[] {
  if (events.some((e) => e.id === incoming.id)) return [...events];
  return [incoming, ...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id)).slice(0, limit);
}

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  ANNOTATION_ADDED: 'Comment',
  DECISION_AGREED: 'Decision agreed',
  DECISION_PROPOSED: 'Decision proposed',
  DECISION_SUPERSEDED: 'Decision superseded',
  DELIVERABLE_DONE: 'Deliverable done',
  DELIVERABLE_REOPENED: 'Deliverable reopened',
  MEETING_SCHEDULED: 'Meeting',
  MILESTONE_GATE_TRIGGERED: 'Milestone gate',
  REVIEW_ROUND_CLOSED: 'Review closed',
  REVIEW_ROUND_OPENED: 'Review opened',
  ROUND_CLOSED: 'Vote closed',
  ROUND_OPENED: 'Vote opened',
  VERSION_CREATED: 'Version saved',
  VERSION_RESTORED: 'Version restored',
};

const RELATIVE = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", else a date. */
export function whenAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return RELATIVE.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return RELATIVE.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return RELATIVE.format(-days, 'day');
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(then));
}
