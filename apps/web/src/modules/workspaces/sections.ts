// The sections of a workspace, in nav order, and which roles can use them (the server enforces the same).
import { Role } from '@concord/shared';

export type SectionPath =
  | 'dashboard'
  | 'drafts'
  | 'votes'
  | 'models'
  | 'case-studies'
  | 'evidence'
  | 'milestones'
  | 'decisions'
  | 'members';

export interface Section {
  path: SectionPath;
  label: string;
}

export const SECTIONS: readonly Section[] = [
  { path: 'dashboard', label: 'Dashboard' },
  { path: 'drafts', label: 'Drafts' },
  { path: 'votes', label: 'Votes' },
  { path: 'models', label: 'Models' },
  { path: 'case-studies', label: 'Case studies' },
  { path: 'evidence', label: 'Evidence' },
  { path: 'milestones', label: 'Milestones' },
  { path: 'decisions', label: 'Decisions' },
  { path: 'members', label: 'Members' },
];

// Reviewers are invited stakeholders: they see the drafts shared with their review rounds, nothing else;
// a model's contact (a reviewer too) also sees the case study they were invited to fill in.
const REVIEWER_SECTIONS: ReadonlySet<SectionPath> = new Set(['dashboard', 'drafts', 'case-studies']);

/** Whether the role reads the workspace's content lists (documents, criteria, models, sources, members). */
export function readsWorkspaceContent(role: Role): boolean {
  return role !== Role.REVIEWER;
}

export function canOpenSection(role: Role, path: SectionPath): boolean {
  return role !== Role.REVIEWER || REVIEWER_SECTIONS.has(path);
}

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => canOpenSection(role, section.path));
}

export function sectionHref(workspaceId: string, path: SectionPath): string {
  return `/w/${encodeURIComponent(workspaceId)}/${path}`;
}
