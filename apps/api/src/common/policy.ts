// The one authorization policy: every GraphQL operation and sub-object field names an action here,
// and each action lists the roles allowed. Anything not listed is denied. Pure data: no Nest imports,
// so the unit tests and the collaboration endpoint read the same table.
import { Role } from '@concord/shared';

const { LEAD, EDITOR, MEMBER, REVIEWER, OBSERVER } = Role;

/** Workspace-scoped actions → the roles that may perform them. */
export const ACTIONS = {
  'workspace.read': [LEAD, EDITOR, MEMBER, REVIEWER, OBSERVER],
  'workspace.update': [LEAD],
  'members.read': [LEAD, EDITOR, MEMBER, OBSERVER],
  'members.invite': [LEAD],
  'members.changeRole': [LEAD],
  'members.remove': [LEAD],
  'members.updateOwn': [LEAD, EDITOR, MEMBER, REVIEWER, OBSERVER],
  'invitations.read': [LEAD],
  'invitations.revoke': [LEAD],
  'content.read': [LEAD, EDITOR, MEMBER, OBSERVER],
  'document.read': [LEAD, EDITOR, MEMBER, OBSERVER],
  'document.write': [LEAD, EDITOR, MEMBER],
  'document.manage': [LEAD, EDITOR],
  'version.create': [LEAD, EDITOR],
  'version.restore': [LEAD],
  'annotation.read': [LEAD, EDITOR, MEMBER, OBSERVER],
  'annotation.create': [LEAD, EDITOR, MEMBER],
  'annotation.resolveAny': [LEAD, EDITOR],
  'annotation.decideSuggestion': [LEAD, EDITOR],
  'annotation.moderate': [LEAD],
  'review.read': [LEAD, EDITOR, MEMBER, OBSERVER, REVIEWER],
  'review.manage': [LEAD, EDITOR],
  'review.annotate': [LEAD, EDITOR, MEMBER, REVIEWER],
  'triage.read': [LEAD, EDITOR, MEMBER, OBSERVER],
  'audit.read': [LEAD],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/**
 * Rules that are not scoped to a workspace: `public` (anyone), `signedIn` (any account), and
 * `inherit` for a field of an object its parent operation already authorized (a payload's user,
 * a computed scalar).
 */
export type OpenRule = 'public' | 'signedIn' | 'inherit';

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = ACTIONS[action];
  return allowed !== undefined && allowed.includes(role);
}

/**
 * The rule of every operation in the schema: root fields as `Query.x` / `Mutation.x` / `Subscription.x`,
 * and every field that resolves a sub-object as `Type.field`. The guard reads the rule from the
 * resolver's decorator; this map is what the tests hold the schema and the decorators to.
 */
export const OPERATION_RULES: Record<string, Action | OpenRule> = {
  'Query.me': 'public',
  'Query.workspaces': 'signedIn',
  'Query.workspace': 'workspace.read',
  'Query.invitation': 'public',
  'Query.document': 'document.read',
  'Query.documentVersion': 'document.read',
  'Query.diffVersions': 'document.read',
  'Query.annotation': 'annotation.read',
  'Query.notifications': 'signedIn',
  'Query.reviewRound': 'review.read',
  'Query.reviewTriageExport': 'triage.read',
  'Mutation.login': 'public',
  'Mutation.logout': 'public',
  'Mutation.updateProfile': 'signedIn',
  'Mutation.createWorkspace': 'signedIn',
  'Mutation.acceptInvitation': 'public',
  'Mutation.inviteMember': 'members.invite',
  'Mutation.revokeInvitation': 'invitations.revoke',
  'Mutation.changeMemberRole': 'members.changeRole',
  'Mutation.removeMember': 'members.remove',
  'Mutation.updateMyMembership': 'members.updateOwn',
  'Mutation.createDocument': 'document.manage',
  'Mutation.updateDocument': 'document.manage',
  'Mutation.createVersion': 'version.create',
  'Mutation.restoreVersion': 'version.restore',
  'Mutation.addAnnotation': 'annotation.create',
  'Mutation.replyToAnnotation': 'annotation.create',
  'Mutation.resolveAnnotation': 'annotation.create',
  'Mutation.reopenAnnotation': 'annotation.create',
  'Mutation.acceptSuggestion': 'annotation.decideSuggestion',
  'Mutation.rejectSuggestion': 'annotation.decideSuggestion',
  'Mutation.editAnnotation': 'annotation.create',
  'Mutation.editReply': 'annotation.create',
  'Mutation.deleteAnnotation': 'annotation.create',
  'Mutation.markNotificationsRead': 'signedIn',
  'Mutation.openReviewRound': 'review.manage',
  'Mutation.inviteReviewer': 'review.manage',
  'Mutation.addReviewAnnotation': 'review.annotate',
  'Mutation.closeReviewRound': 'review.manage',
  'Mutation.respondToReviewComment': 'review.manage',
  'Subscription.annotationChanged': 'annotation.read',
  'Workspace.myRole': 'workspace.read',
  'Workspace.members': 'members.read',
  'Workspace.invitations': 'invitations.read',
  'Workspace.myMembership': 'workspace.read',
  'Workspace.criteria': 'content.read',
  'Workspace.sources': 'content.read',
  'Workspace.documents': 'content.read',
  'Workspace.models': 'content.read',
  'Workspace.auditLog': 'audit.read',
  'Member.user': 'members.read',
  'Invitation.invitedBy': 'invitations.read',
  'Document.versions': 'document.read',
  'Document.annotations': 'annotation.read',
  'Annotation.author': 'inherit',
  'Annotation.deleted': 'inherit',
  'Annotation.replies': 'inherit',
  'Reply.author': 'inherit',
  'Workspace.challengeTags': 'content.read',
  'Workspace.reviewRounds': 'review.read',
  'ReviewRound.annotations': 'review.read',
  'ReviewRound.summary': 'review.read',
  'ReviewRound.versionState': 'review.read',
  'ReviewRound.versionSections': 'review.read',
  'ReviewRound.reviewerCount': 'review.read',
  'ReviewSummary.bySection': 'inherit',
  'ReviewSummary.byKind': 'inherit',
  'ReviewSummary.bySector': 'inherit',
  'ReviewSummary.byStatus': 'inherit',
  'ReviewSummary.carried': 'inherit',
  'Annotation.triage': 'inherit',
  'Document.sections': 'document.read',
  'Document.markdown': 'document.read',
  'DocumentVersion.sections': 'document.read',
  'DocumentVersion.markdown': 'document.read',
  'DocumentVersion.createdByName': 'inherit',
  'DocumentVersion.state': 'document.read',
  'Invitation.status': 'inherit',
  'AuditEvent.actorName': 'inherit',
  'AuditEvent.summary': 'inherit',
  'AuthPayload.user': 'inherit',
  'InvitationLink.invitation': 'inherit',
};
