// How a resolver tells the policy guard which workspace an operation touches. The action itself
// comes from OPERATION_RULES in policy.ts, keyed by the schema field, so the policy lives in one place.
import { SetMetadata } from '@nestjs/common';

export type ScopeSource =
  /** The workspace id is an argument: a dotted path in the args ("id", "input.workspaceId"). */
  | { from: 'arg'; path: string }
  /** The workspace id is a property of the parent object (field resolvers). */
  | { from: 'parent'; key: string }
  /** The argument at `path` is the id of a row in `table`, whose workspace_id is the scope. */
  | { from: 'row'; table: ScopedTable; path: string };

/** Tables whose rows carry workspace_id; the only tables the guard will look up. */
export type ScopedTable = 'members' | 'invitations' | 'documents' | 'document_versions' | 'annotations' | 'annotation_replies' | 'review_rounds' | 'consensus_rounds' | 'deliverables' | 'decisions' | 'criteria' | 'sources' | 'practice_models' | 'findings' | 'case_study_submissions' | 'meetings' | 'milestones' | 'agenda_items' | 'glossary_entries';

export interface ScopeOptions {
  /** For nullable lookups: answer null instead of NOT_FOUND when the viewer may not see it. */
  orNull?: boolean;
}

export const SCOPE_KEY = 'concord:scope';
export const Scope = (source: ScopeSource, options: ScopeOptions = {}) => SetMetadata(SCOPE_KEY, { source, ...options });

export const arg = (path: string): ScopeSource => ({ from: 'arg', path });
export const parent = (key: string): ScopeSource => ({ from: 'parent', key });
export const row = (table: ScopedTable, path: string): ScopeSource => ({ from: 'row', table, path });
