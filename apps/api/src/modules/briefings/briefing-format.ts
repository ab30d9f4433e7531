// Words, dates and numbers of the briefing pack, shared by the service and the three renderers so the
// Markdown, DOCX and PDF say exactly the same thing. Pure: no Nest, no database.
import { londonDate } from '@concord/plan';
import { SECTOR_LABELS, Sector } from '@concord/shared';

const TIME_ZONE = 'Europe/London';

export enum BriefingFormat {
  MARKDOWN = 'MARKDOWN',
  DOCX = 'DOCX',
  PDF = 'PDF',
}

export const BRIEFING_EXTENSIONS: Record<BriefingFormat, string> = {
  [BriefingFormat.MARKDOWN]: 'md',
  [BriefingFormat.DOCX]: 'docx',
  [BriefingFormat.PDF]: 'pdf',
};

export const BRIEFING_CONTENT_TYPES: Record<BriefingFormat, string> = {
  [BriefingFormat.MARKDOWN]: 'text/markdown; charset=utf-8',
  [BriefingFormat.DOCX]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  [BriefingFormat.PDF]: 'application/pdf',
};

export function formatOfExtension(ext: string): BriefingFormat | null {
  const found = (Object.entries(BRIEFING_EXTENSIONS) as [BriefingFormat, string][]).find(([, e]) => e === ext);
  return found ? found[0] : null;
}

/** "briefing-2027-04-19-taskforce.pdf": the meeting's date and kind, nothing a user typed. */
export function briefingFilename(meeting: { date: string; kind: string }, format: BriefingFormat): string {
  const kind = meeting.kind.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'meeting';
  return `briefing-${meeting.date}-${kind}.${BRIEFING_EXTENSIONS[format]}`;
}

/** The instant a calendar day starts in Europe/London (00:00 GMT or 00:00 BST, i.e. 23:00 UTC the day before). */
export function londonMidnight(date: string): Date {
  const utc = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  const bst = new Date(utc - 3_600_000);
  return londonDate(bst) === date ? bst : new Date(utc);
}

/** "Monday 19 April 2027" for a YYYY-MM-DD calendar date. */
export function longDate(date: string): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d).replace(',', '');
}

/** "19 April 2027" for a YYYY-MM-DD calendar date. */
export function shortDate(date: string): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "19 April 2027" for an instant, as the day it was in London. */
export function dayOf(t: Date): string {
  return shortDate(londonDate(t));
}

/** "19 April 2027, 17:00" for an instant, in London time. */
export function dateTime(t: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(t);
  return `${dayOf(t)}, ${time}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 days overdue", "due today", "due in 5 days". */
export function relativeDays(days: number): string {
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  return `due in ${plural(days, 'day')}`;
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function number(x: number | null): string {
  return x === null ? '–' : String(Math.round(x * 100) / 100);
}

/** At most `max` characters, cut at a word boundary where there is one, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const MILESTONE_STATUS_LABELS: Record<string, string> = { DONE: 'Done', ON_TRACK: 'On track', AT_RISK: 'At risk', LATE: 'Late' };
export const VERDICT_LABELS: Record<string, string> = { INCLUDE: 'Include', EXCLUDE: 'Exclude', NO_CONSENSUS: 'No consensus', PASSED: 'Passed', FAILED: 'Failed' };
export const SCALE_LABELS: Record<string, string> = { LIKERT_9: 'rated 1–9', CONSENT: 'consent (agree, abstain, disagree, block)', APPROVE: 'approve or reject' };
export const KIND_LABELS: Record<string, string> = { COMMENT: 'Comment', QUESTION: 'Question', SUGGESTION: 'Suggestion', EVIDENCE: 'Evidence' };
export const DECISION_STATUS_LABELS: Record<string, string> = { PROPOSED: 'Proposed', AGREED: 'Agreed', SUPERSEDED: 'Superseded' };
export const MEETING_KIND_LABELS: Record<string, string> = { TASKFORCE: 'Taskforce meeting', WORKING_GROUP: 'Working group meeting' };

export function sectorLabel(sector: string): string {
  return SECTOR_LABELS[sector as Sector] ?? sector;
}

export function meetingKindLabel(kind: string): string {
  return MEETING_KIND_LABELS[kind] ?? `${kind.charAt(0)}${kind.slice(1).toLowerCase().replace(/_/g, ' ')} meeting`;
}
