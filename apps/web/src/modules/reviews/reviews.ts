// Review rounds: addresses, labels and who may run them (the server decides; this hides what it would refuse).
import { Role } from '@concord/shared';
import type { TriageResponse } from '../../generated/graphql';

export function reviewsHref(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/reviews`;
}

export function reviewRoundHref(workspaceId: string, roundId: string): string {
  return `${reviewsHref(workspaceId)}/${encodeURIComponent(roundId)}`;
}

/** Open, invite, close and triage. */
export function runsReviews(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

export const TRIAGE_LABELS: Record<TriageResponse, string> = {
  ACCEPTED: 'Accepted',
  ACCEPTED_IN_PART: 'Accepted in part',
  NOT_ACCEPTED: 'Not accepted',
  DEFERRED: 'Deferred',
};

export const TRIAGE_OPTIONS = (Object.keys(TRIAGE_LABELS) as TriageResponse[]).map((value) => ({ value, label: TRIAGE_LABELS[value] }));

/** Saves text as a file through a temporary Blob link. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
