// Labels for annotation kinds and statuses, who may do what with threads, and the form's limits.
import { Role } from '@concord/shared';
import type { AnnotationKind, AnnotationStatus } from '../../generated/graphql';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  COMMENT: 'Comment',
  QUESTION: 'Question',
  SUGGESTION: 'Suggested edit',
  EVIDENCE: 'Evidence',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as AnnotationKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export const STATUS_LABELS: Record<AnnotationStatus, string> = {
  OPEN: 'Open',
  RESOLVED: 'Resolved',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
  ORPHANED: 'Orphaned (text deleted)',
};

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as AnnotationStatus[]).map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Annotate, reply, resolve and reopen. */
export function canAnnotate(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR || role === Role.MEMBER;
}

/** Accept or reject suggested edits. */
export function canDecideSuggestions(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

export const ANNOTATION_LIMITS = { bodyMax: 5000, suggestionMax: 5000 } as const;
