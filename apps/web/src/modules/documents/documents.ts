// Who can do what with drafts (the server's policy decides; this only hides what would be refused),
// the drafts' addresses, and the input limits the API checks.
import { Role } from '@concord/shared';
import { sectionHref } from '../workspaces/sections';

/** Co-edit the text. */
export function canWrite(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR || role === Role.MEMBER;
}

/** Create and rename documents, save named versions. */
export function canManage(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

export function canRestore(role: Role): boolean {
  return role === Role.LEAD;
}

/** Drafts are the workspace's documents; reviewers will see versions shared with review rounds instead. */
export function readsDrafts(role: Role): boolean {
  return role !== Role.REVIEWER;
}

export const DOCUMENT_LIMITS = { titleMax: 200, versionNameMax: 200, wordBudgetMax: 1_000_000 } as const;

export function draftHref(workspaceId: string, documentId: string): string {
  return `${sectionHref(workspaceId, 'drafts')}/${encodeURIComponent(documentId)}`;
}

export function versionsHref(workspaceId: string, documentId: string, compare?: { from: string; to?: string }): string {
  const base = `${draftHref(workspaceId, documentId)}/versions`;
  if (!compare) return base;
  const query = new URLSearchParams({ from: compare.from, ...(compare.to ? { to: compare.to } : {}) });
  return `${base}?${query.toString()}`;
}

export function versionHref(workspaceId: string, documentId: string, versionId: string): string {
  return `${draftHref(workspaceId, documentId)}/versions/${encodeURIComponent(versionId)}`;
}
