// How the authorization matrix invokes each operation: a builder per root field, and for sub-object
// fields a path from a root query to an object of their type. Mutations are invoked so that, once the
// guard lets them through, they change nothing the other cells see: invalid input (BAD_USER_INPUT from
// the validation pipe, which runs after the guard), a state that makes them a CONFLICT or a no-op, or
// an object made for the cell alone.
import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { randomBytes } from 'node:crypto';
import type { Api } from '../../support/graphql';
import { DEMO_PASSWORD } from '../../support/graphql';
import { schema } from './authz-policy';
import { addDeliverable, annotate, Principal, Side, SideKey, World } from './authz-setup';

export interface Cell {
  p: Principal;
  o: Side;
  side: SideKey;
  world: World;
}

export interface Invocation {
  query: string;
  variables?: Record<string, unknown>;
  /** The review round, model or case study a REVIEWER reaches through it (see `reviewerReach`). */
  reaches?: string;
  /** Another session to send it with (signing in or out must not end the principal's session). */
  as?: Api;
}

export interface Builder {
  /** Operations that name no workspace object: one cell per principal. */
  sideless?: boolean;
  build(c: Cell): Invocation | Promise<Invocation>;
}

const BLANK = '   ';
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
const unique = () => randomBytes(4).toString('hex');

async function data(api: Api, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await api.gql(query, variables);
  if (r.errors?.length || !r.data) throw new Error(`fresh object: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Objects made for one cell, in the cell's workspace, for operations that delete or remove. */
const fresh = {
  async member(c: Cell): Promise<string> {
    const u = await c.world.server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, 'Authz Throwaway', 'x') RETURNING id`, [`authz-throwaway-${unique()}@example.org`]);
    const m = await c.world.server.db.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) VALUES ($1, $2, 'MEMBER', 'Authz Org', 'HE') RETURNING id`, [c.o.workspace, u.rows[0].id]);
    return m.rows[0].id;
  },
  annotation: (c: Cell) => annotate(c.o.authorFor(c.p), c.o, 'Authz comment to delete.'),
  deliverable: (c: Cell) => addDeliverable(c.o.admin, c.o.milestone, undefined, unique),
  async agendaItem(c: Cell): Promise<string> {
    const title = `Authz item ${unique()}`;
    const d = await data(c.o.admin, `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { agendaItems { id title } } }`, { i: { meetingId: c.o.meeting, title } });
    return d.addAgendaItem.agendaItems.find((a: { title: string }) => a.title === title).id;
  },
  async glossaryEntry(c: Cell): Promise<string> {
    const d = await data(c.o.admin, `mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id } }`, { i: { workspaceId: c.o.workspace, term: `AUTHZ-${unique()}`, explanation: 'Authz term to remove.' } });
    return d.defineGlossaryTerm.id;
  },
  async finding(c: Cell): Promise<string> {
    const d = await data(c.o.admin, `mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }`, { i: { sourceId: c.o.source, kind: 'CHALLENGE', text: 'Authz finding to delete.' } });
    return d.addFinding.id;
  },
};

/** The review round a principal is tested against: their own (closed) one for the reviewer whose round closed. */
const reviewRoundFor = (c: Cell) => (c.p.key === 'closedReviewer' && c.side === 'own' ? c.o.closedReviewRound : c.o.reviewRound);

const q = (query: string, variables: (c: Cell) => Record<string, unknown> = () => ({}), extra: Partial<Builder> & { reaches?: (c: Cell) => string } = {}): Builder => ({
  sideless: extra.sideless,
  build: (c) => ({ query, variables: variables(c), reaches: extra.reaches?.(c) }),
});
const prepared = (query: string, variables: (c: Cell) => Promise<Record<string, unknown>>): Builder => ({
  build: async (c) => ({ query, variables: await variables(c) }),
});

const id = (pick: (o: Side) => string) => (c: Cell) => ({ id: pick(c.o) });
const input = (make: (o: Side, c: Cell) => Record<string, unknown>) => (c: Cell) => ({ i: make(c.o, c) });

export const ROOT_BUILDERS: Record<string, Builder> = {
  // Queries
  'Query.me': q(`{ me { __typename } }`, undefined, { sideless: true }),
  'Query.workspaces': q(`{ workspaces { __typename } }`, undefined, { sideless: true }),
  'Query.notifications': q(`{ notifications { __typename } }`, undefined, { sideless: true }),
  'Query.workspace': q(`query($id: ID!) { workspace(id: $id) { __typename } }`, id((o) => o.workspace)),
  'Query.invitation': q(`query($t: String!) { invitation(token: $t) { __typename } }`, (c) => ({ t: c.o.invitationToken })),
  'Query.document': q(`query($id: ID!) { document(id: $id) { __typename } }`, id((o) => o.document)),
  'Query.documentVersion': q(`query($id: ID!) { documentVersion(id: $id) { __typename } }`, id((o) => o.version)),
  'Query.diffVersions': q(`query($id: ID!) { diffVersions(fromVersionId: $id) { __typename } }`, id((o) => o.version)),
  'Query.annotation': q(`query($id: ID!) { annotation(id: $id) { __typename } }`, id((o) => o.annotation)),
  'Query.reviewRound': q(`query($id: ID!) { reviewRound(id: $id) { __typename } }`, (c) => ({ id: reviewRoundFor(c) }), { reaches: reviewRoundFor }),
  'Query.round': q(`query($id: ID!) { round(id: $id) { __typename } }`, id((o) => o.openRound)),
  'Query.roundResultsCsv': q(`query($id: ID!) { roundResultsCsv(roundId: $id) }`, id((o) => o.closedRound)),
  'Query.reviewTriageExport': q(`query($id: ID!) { reviewTriageExport(roundId: $id, format: CSV) }`, id((o) => o.closedReviewRound)),
  'Query.briefingPack': q(`query($id: ID!) { briefingPack(meetingId: $id) { __typename } }`, id((o) => o.meeting)),
  'Query.meeting': q(`query($id: ID!) { meeting(id: $id) { __typename } }`, id((o) => o.meeting)),
  'Query.decision': q(`query($id: ID!) { decision(id: $id) { __typename } }`, id((o) => o.decisionAgreed)),
  'Query.decisionLogExport': q(`query($id: ID!) { decisionLogExport(workspaceId: $id, format: CSV) }`, id((o) => o.workspace)),
  'Query.practiceModel': q(`query($id: ID!) { practiceModel(id: $id) { __typename } }`, id((o) => o.model), { reaches: (c) => c.o.model }),
  'Query.caseStudy': q(`query($id: ID!) { caseStudy(id: $id) { __typename } }`, id((o) => o.caseStudy), { reaches: (c) => c.o.caseStudy }),
  'Query.coverage': q(`query($id: ID!) { coverage(documentId: $id) { __typename } }`, id((o) => o.document)),
  'Query.sectionEvidence': q(`query($id: ID!, $s: String!) { sectionEvidence(documentId: $id, sectionId: $s) { __typename } }`, (c) => ({ id: c.o.document, s: c.o.sectionId })),
  'Query.documentTrace': q(`query($id: ID!) { documentTrace(documentId: $id) { __typename } }`, id((o) => o.document)),

  // Accounts and sessions
  'Mutation.login': q(`mutation { login(input: { email: "", password: "" }) { __typename } }`, undefined, { sideless: true }),
  'Mutation.logout': { sideless: true, build: async (c) => ({ query: `mutation { logout }`, as: await c.p.session() }) },
  'Mutation.updateProfile': q(`mutation { updateProfile(input: { name: "${BLANK}" }) { __typename } }`, undefined, { sideless: true }),
  'Mutation.createWorkspace': q(`mutation { createWorkspace(input: { name: "${BLANK}", organisation: "x", sector: HE }) { __typename } }`, undefined, { sideless: true }),
  'Mutation.acceptInvitation': q(`mutation { acceptInvitation(input: { token: "", password: "" }) { __typename } }`, undefined, { sideless: true }),
  'Mutation.markNotificationsRead': q(`mutation { markNotificationsRead(ids: []) }`, undefined, { sideless: true }),

  // Members and invitations
  'Mutation.inviteMember': q(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, email: 'not-an-email', role: 'MEMBER', organisation: 'x', sector: 'HE' }))),
  'Mutation.revokeInvitation': q(`mutation($id: ID!) { revokeInvitation(id: $id) { __typename } }`, id((o) => o.revokedInvitation)),
  'Mutation.changeMemberRole': q(`mutation($id: ID!, $r: Role!) { changeMemberRole(memberId: $id, role: $r) { __typename } }`, (c) => ({ id: c.o.member.id, r: c.o.member.role })),
  'Mutation.removeMember': prepared(`mutation($id: ID!) { removeMember(memberId: $id) }`, async (c) => ({ id: await fresh.member(c) })),
  'Mutation.updateMyMembership': q(`mutation($i: UpdateMembershipInput!) { updateMyMembership(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, organisation: BLANK, sector: 'HE' }))),

  // Documents and versions
  'Mutation.createDocument': q(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK }))),
  'Mutation.updateDocument': q(`mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { __typename } }`, input((o) => ({ id: o.document, title: BLANK }))),
  'Mutation.createVersion': q(`mutation($id: ID!) { createVersion(documentId: $id, name: "${BLANK}") { __typename } }`, id((o) => o.document)),
  // On a scratch document nobody annotates: restoring it changes nothing other cells read.
  'Mutation.restoreVersion': q(`mutation($id: ID!) { restoreVersion(versionId: $id) { __typename } }`, id((o) => o.scratchVersion)),

  // Annotations
  'Mutation.addAnnotation': q(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { __typename } }`, input((o) => ({ documentId: o.document, kind: 'COMMENT', anchor: 'x', quote: 'q', body: 'b' }))),
  'Mutation.replyToAnnotation': q(`mutation($id: ID!) { replyToAnnotation(annotationId: $id, body: "${BLANK}") { __typename } }`, id((o) => o.annotation)),
  // Authored by the MEMBER principal: the author, leads and editors pass the service's own check too.
  'Mutation.resolveAnnotation': q(`mutation($id: ID!) { resolveAnnotation(id: $id) { __typename } }`, id((o) => o.resolvedAnnotation)),
  'Mutation.reopenAnnotation': q(`mutation($id: ID!) { reopenAnnotation(id: $id) { __typename } }`, id((o) => o.annotation)),
  'Mutation.acceptSuggestion': q(`mutation($id: ID!) { acceptSuggestion(id: $id) { __typename } }`, id((o) => o.annotation)),
  'Mutation.rejectSuggestion': q(`mutation($id: ID!) { rejectSuggestion(id: $id) { __typename } }`, id((o) => o.annotation)),
  'Mutation.editAnnotation': q(`mutation($i: EditTextInput!) { editAnnotation(input: $i) { __typename } }`, input((o) => ({ id: o.annotation, body: BLANK }))),
  'Mutation.editReply': q(`mutation($i: EditTextInput!) { editReply(input: $i) { __typename } }`, input((o) => ({ id: o.reply, body: BLANK }))),
  // A fresh comment by the principal (or by the member, for those who cannot annotate).
  'Mutation.deleteAnnotation': prepared(`mutation($id: ID!) { deleteAnnotation(id: $id) }`, async (c) => ({ id: await fresh.annotation(c) })),

  // Review rounds
  'Mutation.openReviewRound': q(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { __typename } }`, input((o) => ({ versionId: o.version, title: BLANK, closesAt: tomorrow() }))),
  'Mutation.inviteReviewer': q(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { __typename } }`, input((o) => ({ roundId: o.reviewRound, email: 'not-an-email', organisation: 'x', sector: 'HE' }))),
  'Mutation.addReviewAnnotation': q(
    `mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { __typename } }`,
    input((o) => ({ roundId: o.reviewRound, kind: 'COMMENT', anchor: 'not.an-anchor', quote: 'q', body: 'b' })),
    { reaches: (c) => c.o.reviewRound },
  ),
  'Mutation.closeReviewRound': q(`mutation($id: ID!) { closeReviewRound(id: $id) { __typename } }`, id((o) => o.closedReviewRound)),
  'Mutation.respondToReviewComment': q(`mutation($id: ID!) { respondToReviewComment(annotationId: $id, response: ACCEPTED, reason: "${BLANK}") { __typename } }`, id((o) => o.reviewComment)),

  // Criteria and consensus rounds
  'Mutation.proposeCriterion': q(`mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, statement: BLANK }))),
  'Mutation.acceptCriterion': q(`mutation($id: ID!) { acceptCriterion(id: $id) { __typename } }`, id((o) => o.criterion)),
  'Mutation.declareInterest': q(`mutation($id: ID!) { declareInterest(criterionId: $id, statement: "${BLANK}") { __typename } }`, id((o) => o.criterion)),
  'Mutation.createRound': q(`mutation($i: CreateRoundInput!) { createRound(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK, scale: 'LIKERT_9', anonymous: false, criterionIds: [] }))),
  'Mutation.updateRound': q(`mutation($i: UpdateRoundInput!) { updateRound(input: $i) { __typename } }`, input((o) => ({ id: o.openRound, title: BLANK }))),
  'Mutation.openRound': q(`mutation($id: ID!) { openRound(id: $id) { __typename } }`, id((o) => o.openRound)),
  'Mutation.closeRound': q(`mutation($id: ID!) { closeRound(id: $id) { __typename } }`, id((o) => o.closedRound)),
  'Mutation.nextRound': q(`mutation($id: ID!) { nextRound(id: $id) { __typename } }`, id((o) => o.openRound)),
  'Mutation.castBallot': q(`mutation($id: ID!) { castBallot(roundId: $id, scores: []) { __typename } }`, id((o) => o.openRound)),

  // Plan: milestones, deliverables, meetings
  // A deliverable the principal owns (they may tick it), ticked "open" while open: a no-op.
  'Mutation.setDeliverableDone': q(`mutation($id: ID!) { setDeliverableDone(id: $id, done: false) { __typename } }`, (c) => ({ id: c.o.deliverableOf[c.p.key] ?? c.o.deliverable })),
  'Mutation.createMilestone': q(`mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK, startsOn: o.milestone.startsOn, dueDate: o.milestone.dueDate }))),
  'Mutation.updateMilestone': q(`mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { __typename } }`, input((o) => ({ id: o.milestone.id, title: BLANK }))),
  'Mutation.addDeliverable': q(`mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { __typename } }`, input((o) => ({ milestoneId: o.milestone.id, title: BLANK, dueDate: o.milestone.dueDate }))),
  'Mutation.updateDeliverable': q(`mutation($i: UpdateDeliverableInput!) { updateDeliverable(input: $i) { __typename } }`, input((o) => ({ id: o.deliverable, title: BLANK }))),
  'Mutation.removeDeliverable': prepared(`mutation($id: ID!) { removeDeliverable(id: $id) }`, async (c) => ({ id: await fresh.deliverable(c) })),
  'Mutation.triggerMilestoneGate': q(`mutation($i: TriggerMilestoneGateInput!) { triggerMilestoneGate(input: $i) { __typename } }`, input((o) => ({ milestoneId: o.milestone.id, documentId: o.document, versionName: BLANK }))),
  'Mutation.createMeeting': q(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK, kind: 'TASKFORCE', date: o.milestone.dueDate }))),
  'Mutation.updateMeeting': q(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { __typename } }`, input((o) => ({ id: o.meeting, title: BLANK }))),
  // A decision was agreed at this meeting: deleting it is a CONFLICT.
  'Mutation.deleteMeeting': q(`mutation($id: ID!) { deleteMeeting(id: $id) }`, id((o) => o.meeting)),
  'Mutation.addAgendaItem': q(`mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { __typename } }`, input((o) => ({ meetingId: o.meeting, title: BLANK }))),
  'Mutation.updateAgendaItem': q(`mutation($id: ID!) { updateAgendaItem(id: $id, title: "${BLANK}") { __typename } }`, id((o) => o.agendaItem)),
  'Mutation.removeAgendaItem': prepared(`mutation($id: ID!) { removeAgendaItem(id: $id) { __typename } }`, async (c) => ({ id: await fresh.agendaItem(c) })),
  'Mutation.moveAgendaItem': q(`mutation($id: ID!) { moveAgendaItem(id: $id, position: 0) { __typename } }`, id((o) => o.agendaItem)),

  // Decisions
  'Mutation.proposeDecision': q(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK, statement: 's', rationale: '' }))),
  'Mutation.updateDecision': q(`mutation($i: UpdateDecisionInput!) { updateDecision(input: $i) { __typename } }`, input((o) => ({ id: o.decisionProposed, title: BLANK }))),
  'Mutation.agreeDecision': q(`mutation($id: ID!) { agreeDecision(id: $id) { __typename } }`, id((o) => o.decisionAgreed)),
  'Mutation.supersedeDecision': q(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { __typename } }`, (c) => ({
    id: c.o.decisionAgreed,
    i: { workspaceId: c.o.workspace, title: BLANK, statement: 's', rationale: '' },
  })),

  // Models, assessment, case studies
  'Mutation.createPracticeModel': q(`mutation($i: CreatePracticeModelInput!) { createPracticeModel(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, name: BLANK, leadProviders: 'x', nhsPartners: 'x', region: 'LONDON', type: 'DIGITAL', summary: 'x' }))),
  'Mutation.updatePracticeModel': q(`mutation($i: UpdatePracticeModelInput!) { updatePracticeModel(input: $i) { __typename } }`, input((o) => ({ id: o.model, name: BLANK, leadProviders: 'x', nhsPartners: 'x', region: 'LONDON', type: 'DIGITAL', summary: 'x' }))),
  'Mutation.inviteModelContact': q(`mutation($i: InviteModelContactInput!) { inviteModelContact(input: $i) { __typename } }`, input((o) => ({ modelId: o.model, email: 'not-an-email', organisation: 'x', sector: 'HE' }))),
  'Mutation.rateModel': q(`mutation($i: RateModelInput!) { rateModel(input: $i) { __typename } }`, input((o) => ({ modelId: o.model, criterionId: o.criterion, rating: 'MET', note: '', fieldId: 'f'.repeat(65) }))),
  'Mutation.saveCaseStudyTemplate': q(`mutation($i: SaveTemplateInput!) { saveCaseStudyTemplate(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, sections: [{ id: 'not a key!', title: 't', fields: [] }] }))),
  // The model's case study is submitted: saving is a CONFLICT for whoever may reach the model.
  'Mutation.saveCaseStudy': q(`mutation($i: SaveCaseStudyInput!) { saveCaseStudy(input: $i) { __typename } }`, input((o) => ({ modelId: o.model, answers: [] })), { reaches: (c) => c.o.model }),
  'Mutation.submitCaseStudy': q(`mutation($id: ID!) { submitCaseStudy(id: $id) { __typename } }`, id((o) => o.caseStudy), { reaches: (c) => c.o.caseStudy }),
  'Mutation.returnCaseStudy': q(`mutation($id: ID!) { returnCaseStudy(id: $id, comment: "${BLANK}") { __typename } }`, id((o) => o.caseStudy)),

  // Literature and coverage
  'Mutation.createSource': q(`mutation($i: CreateSourceInput!) { createSource(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, title: BLANK, authors: 'a', type: 'REPORT' }))),
  'Mutation.updateSource': q(`mutation($i: UpdateSourceInput!) { updateSource(input: $i) { __typename } }`, input((o) => ({ id: o.source, title: BLANK, authors: 'a', type: 'REPORT' }))),
  'Mutation.addFinding': q(`mutation($i: AddFindingInput!) { addFinding(input: $i) { __typename } }`, input((o) => ({ sourceId: o.source, kind: 'CHALLENGE', text: BLANK }))),
  'Mutation.updateFinding': q(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { __typename } }`, input((o) => ({ id: o.finding, kind: 'CHALLENGE', text: BLANK }))),
  'Mutation.deleteFinding': prepared(`mutation($id: ID!) { deleteFinding(id: $id) }`, async (c) => ({ id: await fresh.finding(c) })),
  'Mutation.mapCaseStudy': q(`mutation($i: MapCaseStudyInput!) { mapCaseStudy(input: $i) { __typename } }`, input((o) => ({ submissionId: o.caseStudy, sections: [{ documentId: o.document, sectionId: '' }] }))),

  // Glossary
  'Mutation.defineGlossaryTerm': q(`mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { __typename } }`, input((o) => ({ workspaceId: o.workspace, term: '', explanation: 'x' }))),
  'Mutation.updateGlossaryEntry': q(`mutation($i: UpdateGlossaryEntryInput!) { updateGlossaryEntry(input: $i) { __typename } }`, input((o) => ({ id: o.glossaryEntry, term: '' }))),
  'Mutation.removeGlossaryEntry': prepared(`mutation($id: ID!) { removeGlossaryEntry(id: $id) }`, async (c) => ({ id: await fresh.glossaryEntry(c) })),

  // Subscriptions (opened over graphql-ws)
  'Subscription.activity': q(`subscription($id: ID!) { activity(workspaceId: $id) { __typename } }`, id((o) => o.workspace)),
  'Subscription.annotationChanged': q(`subscription($id: ID!) { annotationChanged(documentId: $id) { __typename } }`, id((o) => o.document)),
  'Subscription.roundChanged': q(`subscription($id: ID!) { roundChanged(roundId: $id) { __typename } }`, id((o) => o.openRound)),
};

/** A root query reaching an object of a type: `inner` is the selection made on that object. */
interface TypePath {
  sideless?: boolean;
  build(c: Cell, inner: string): Invocation | Promise<Invocation>;
}

const via = (template: string, variables: (c: Cell) => Record<string, unknown>, reaches?: (c: Cell) => string): TypePath => ({
  build: (c, inner) => ({ query: template.replace('@', inner), variables: variables(c), reaches: reaches?.(c) }),
});
const WS = (path: string) => via(`query($id: ID!) { workspace(id: $id) { ${path} } }`, id((o) => o.workspace));
const BRIEFING = (path: string) => via(`query($id: ID!) { briefingPack(meetingId: $id) { ${path} } }`, id((o) => o.meeting));
const COVERAGE = (path: string) => via(`query($id: ID!) { coverage(documentId: $id) { ${path} } }`, id((o) => o.document));
const CLOSED_ROUND = (path: string) => via(`query($id: ID!) { round(id: $id) { ${path} } }`, id((o) => o.closedRound));

export const TYPE_PATHS: Record<string, TypePath> = {
  Workspace: WS('@'),
  Member: WS('myMembership { @ }'),
  Invitation: WS('invitations { @ }'),
  Milestone: WS('milestones { @ }'),
  Deliverable: WS('milestones { deliverables { @ } }'),
  AuditEvent: WS('auditLog { @ }'),
  AssessmentMatrix: WS('assessment { @ }'),
  AssessmentRow: WS('assessment { rows { @ } }'),
  AssessmentRowPage: WS('assessment { rowPage { @ } }'),
  AssessmentCell: WS('assessment { rows { cells { @ } } }'),
  CaseStudyTemplate: WS('caseStudyTemplate { @ }'),
  TemplateSection: WS('caseStudyTemplate { sections { @ } }'),
  Source: WS('sources { @ }'),
  Finding: WS('findings { @ }'),
  Document: via(`query($id: ID!) { document(id: $id) { @ } }`, id((o) => o.document)),
  DocumentVersion: via(`query($id: ID!) { documentVersion(id: $id) { @ } }`, id((o) => o.version)),
  Annotation: via(`query($id: ID!) { annotation(id: $id) { @ } }`, id((o) => o.annotation)),
  AnnotationPage: via(`query($id: ID!) { document(id: $id) { annotationPage { @ } } }`, id((o) => o.document)),
  Reply: via(`query($id: ID!) { annotation(id: $id) { replies { @ } } }`, id((o) => o.annotation)),
  Meeting: via(`query($id: ID!) { meeting(id: $id) { @ } }`, id((o) => o.meeting)),
  Decision: via(`query($id: ID!) { decision(id: $id) { @ } }`, id((o) => o.decisionAgreed)),
  DecisionPage: WS('decisionLog { @ }'),
  ConsensusRound: CLOSED_ROUND('@'),
  RoundItem: CLOSED_ROUND('items { @ }'),
  ItemResult: CLOSED_ROUND('items { result { @ } }'),
  ReviewRound: via(`query($id: ID!) { reviewRound(id: $id) { @ } }`, (c) => ({ id: reviewRoundFor(c) }), reviewRoundFor),
  ReviewSummary: via(`query($id: ID!) { reviewRound(id: $id) { summary { @ } } }`, id((o) => o.closedReviewRound), (c) => c.o.closedReviewRound),
  BriefingPack: BRIEFING('@'),
  BriefingRoundResult: BRIEFING('roundResults { @ }'),
  BriefingItemResult: BRIEFING('roundResults { items { @ } }'),
  BriefingAnnotationSection: BRIEFING('unresolvedAnnotations { @ }'),
  BriefingReviewRound: BRIEFING('reviewRounds { @ }'),
  PracticeModel: via(`query($id: ID!) { practiceModel(id: $id) { @ } }`, id((o) => o.model), (c) => c.o.model),
  CaseStudySubmission: via(`query($id: ID!) { caseStudy(id: $id) { @ } }`, id((o) => o.caseStudy), (c) => c.o.caseStudy),
  CoverageMatrix: COVERAGE('@'),
  CoverageRow: COVERAGE('rows { @ }'),
  CoverageCell: COVERAGE('rows { cells { @ } }'),
  EvidenceList: via(`query($id: ID!, $s: String!) { sectionEvidence(documentId: $id, sectionId: $s) { @ } }`, (c) => ({ id: c.o.document, s: c.o.sectionId })),
  SectionTrace: via(`query($id: ID!) { documentTrace(documentId: $id) { @ } }`, id((o) => o.document)),
  // Payloads of mutations: a real sign-in (the demo lead's), and a real invitation by the lead.
  AuthPayload: {
    sideless: true,
    // Sent with a session of its own: signing in revokes the session the request carried.
    build: async (c, inner) => ({ query: `mutation($i: LoginInput!) { login(input: $i) { ${inner} } }`, variables: { i: { email: c.world.leadEmail, password: DEMO_PASSWORD } }, as: await c.p.session() }),
  },
  InvitationLink: via(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { @ } }`, (c) => ({
    i: { workspaceId: c.o.workspace, email: `authz-link-${unique()}@example.org`, role: 'OBSERVER', organisation: 'x', sector: 'HE' },
  })),
};

/** The builder of an operation, or undefined when the matrix does not know how to invoke it. */
export function builderFor(op: string): Builder | undefined {
  if (op in ROOT_BUILDERS) return ROOT_BUILDERS[op];
  const [typeName, fieldName] = op.split('.');
  const path = TYPE_PATHS[typeName];
  const type = schema.getType(typeName);
  if (!path || !isObjectType(type)) return undefined;
  const field = type.getFields()[fieldName];
  if (!field || field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) return undefined;
  const inner = isLeafType(getNamedType(field.type)) ? fieldName : `${fieldName} { __typename }`;
  return { sideless: path.sideless, build: (c) => path.build(c, inner) };
}
