// The briefing pack in the web app: the same sections, in the same order, as the Markdown, DOCX and PDF files.
import type { BriefingFormat } from '../../generated/graphql';

export const BRIEFING_SECTIONS = {
  summary: 'At a glance',
  agenda: 'Agenda',
  milestones: 'Milestones',
  deliverables: 'Late and at-risk deliverables',
  decisions: 'Decisions',
  results: 'Consensus results',
  openRounds: 'Votes still open',
  annotations: 'Unresolved annotations',
  reviews: 'Review rounds',
} as const;

export const FORMAT_LABELS: Record<BriefingFormat, string> = {
  MARKDOWN: 'Markdown',
  DOCX: 'Word (DOCX)',
  PDF: 'PDF',
};

/** The order of the download buttons. */
export const FORMAT_ORDER: readonly BriefingFormat[] = ['PDF', 'DOCX', 'MARKDOWN'];

/** "no decisions", "1 decision", "3 decisions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "since the Taskforce meeting on 2 Feb 2027", or "before this meeting" for the first. */
export function periodText(previous: { kind: string; date: string } | null | undefined, formatDate: (d: string) => string): string {
  if (!previous) return 'before this meeting';
  return `since the ${previous.kind === 'TASKFORCE' ? 'Taskforce meeting' : 'working group meeting'} on ${formatDate(previous.date)}`;
}

/** "86%", "–" for none. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}
