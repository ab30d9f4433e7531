// The decision log in the web app: status words and marks, who may do what, the filter, file names and paging.
import type { FieldPolicy, Reference } from '@apollo/client';
import { Role } from '@concord/shared';
import type { DecisionFilterInput, DecisionStatus, ExportFormat } from '../../generated/graphql';

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  PROPOSED: 'Proposed',
  AGREED: 'Agreed',
  SUPERSEDED: 'Superseded',
};

/** Colour plus a symbol, never colour alone. */
export const DECISION_STATUS_STYLE: Record<DecisionStatus, { color: string; symbol: string }> = {
  PROPOSED: { color: 'warning', symbol: '○' },
  AGREED: { color: 'success', symbol: '✓' },
  SUPERSEDED: { color: 'neutral', symbol: '⤳' },
};

export const DECISION_LIMITS = { titleMax: 200, statementMax: 5000, rationaleMax: 5000, searchMax: 200 } as const;

/** Propose decisions (and replacements for agreed ones). */
export function proposesDecisions(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

/** Agree a proposal; supersede an agreed decision. */
export function agreesDecisions(role: Role): boolean {
  return role === Role.LEAD;
}

export interface FilterState {
  status: DecisionStatus | '';
  milestoneId: string;
  meetingId: string;
  search: string;
}

export const EMPTY_FILTER: FilterState = { status: '', milestoneId: '', meetingId: '', search: '' };

/** The GraphQL filter for the form's state: empty fields are left out. */
export function toFilterInput(state: FilterState): DecisionFilterInput | undefined {
  const filter: DecisionFilterInput = {};
  if (state.status) filter.status = state.status;
  if (state.milestoneId) filter.milestoneId = state.milestoneId;
  if (state.meetingId) filter.meetingId = state.meetingId;
  const search = state.search.trim();
  if (search) filter.search = search.slice(0, DECISION_LIMITS.searchMax);
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export function isFiltered(state: FilterState): boolean {
  return toFilterInput(state) !== undefined;
}

/** "decision-log-2026-11-21.csv", "…-agreed.md" when filtered by status. */
export function exportFileName(format: ExportFormat, today: string, state: FilterState): string {
  const suffix = state.status ? `-${state.status.toLowerCase()}` : isFiltered(state) ? '-filtered' : '';
  return `decision-log-${today}${suffix}.${format === 'CSV' ? 'csv' : 'md'}`;
}

export function exportContentType(format: ExportFormat): string {
  return format === 'CSV' ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8';
}

export function decisionAnchor(id: string): string {
  return `decision-${id}`;
}

/** Decisions a page of the log holds: each card is long, and a page stays quick to fetch and read. */
export const DECISION_PAGE_SIZE = 25;

/** 4 for "D-004" (the log's sort key: pages come newest first by number). */
export function decisionNumber(ref: string): number {
  const n = /^D-(\d+)$/.exec(ref);
  return n ? Number(n[1]) : Number.NaN;
}

/** "Showing 25 of 230 decisions", "3 decisions that match the filter". */
export function countText(shown: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'decision' : 'decisions';
  const matching = filtered ? ` that ${total === 1 ? 'matches' : 'match'} the filter` : '';
  return shown >= total ? `${total} ${noun}${matching}` : `Showing ${shown} of ${total} ${noun}${matching}`;
}

export interface LogPage<T> {
  items: T[];
  totalCount: number;
  nextCursor: string | null;
}

interface PageItemReader<T> {
  /** The item's identity (a cache reference's __ref, or an id). */
  key: (item: T) => string;
  /** The item's number (its sort key). */
  number: (item: T) => number;
  /** Whether the item still belongs to the filtered log (its status may have changed since it was loaded). */
  belongs: (item: T) => boolean;
}

/**
 * Pages of the log as one list. A next page (`after` given) is appended. A first page replaces what was
 * loaded, except that pages loaded beyond it are kept when a mutation's refetch asks for the first page
 * again: the pages are newest first by number, so what comes after the fresh first page is exactly the
 * loaded decisions with a smaller number, and the loaded cursor still continues from the last of them.
 */
export function mergeDecisionPages<T>(existing: LogPage<T> | undefined, incoming: LogPage<T>, isNextPage: boolean, read: PageItemReader<T>): LogPage<T> {
  if (!existing) return incoming;
  if (isNextPage) {
    const seen = new Set(existing.items.map(read.key));
    return { ...incoming, items: [...existing.items, ...incoming.items.filter((i) => !seen.has(read.key(i)))] };
  }
  const last = incoming.items[incoming.items.length - 1];
  if (!incoming.nextCursor || !last) return incoming;
  const fresh = new Set(incoming.items.map(read.key));
  const lastNumber = read.number(last);
  const kept = existing.items.filter((i) => read.number(i) < lastNumber && !fresh.has(read.key(i)) && read.belongs(i));
  return { ...incoming, items: [...incoming.items, ...kept], nextCursor: kept.length ? existing.nextCursor : incoming.nextCursor };
}

/** Workspace.decisionLog in the Apollo cache: one list per filter, pages merged as above. */
export const decisionLogPolicy: FieldPolicy<LogPage<Reference>> = {
  keyArgs: ['filter'],
  merge(existing, incoming, { args, readField }) {
    const status = (args?.filter as DecisionFilterInput | undefined)?.status;
    return mergeDecisionPages(existing, incoming, Boolean(args?.after), {
      key: (item) => item.__ref,
      number: (item) => decisionNumber(readField<string>('ref', item) ?? ''),
      belongs: (item) => !status || readField<string>('status', item) === status,
    });
  },
};
