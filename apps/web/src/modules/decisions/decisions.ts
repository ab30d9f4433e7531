// The decision log in the web app: status words and marks, who may do what, the filter and file names.
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
