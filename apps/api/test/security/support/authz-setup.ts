// Fixtures of the authorization matrix: the principals (five roles, signed out, a non-member, a reviewer
// whose round has closed, a removed member) and, for the demo workspace ("own") and a workspace none of
// them belongs to ("other"), one object of every kind an operation can name.
import { createHmac, randomBytes } from 'node:crypto';
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { Role } from '@concord/shared';
import * as Y from 'yjs';
import { appendParagraph, connectClient } from '../../support/collab';
import { Api, DEMO } from '../../support/graphql';
import type { TestServer } from '../../support/server';

export const SESSION_SECRET = 'authz-matrix-secret-0123456789abcdef0123456789abcdef';

export type PrincipalKey = 'lead' | 'editor' | 'member' | 'reviewer' | 'observer' | 'signedOut' | 'nonMember' | 'closedReviewer' | 'removedMember';
export type SideKey = 'own' | 'other';

export interface Principal {
  key: PrincipalKey;
  /** The role in the own workspace; null for someone without a membership there. */
  role: Role | null;
  signedIn: boolean;
  api: Api;
  /** Another session of the same account (signing in or out rotates the session a request carries). */
  session(): Promise<Api>;
  /**
   * What the services let a REVIEWER reach beyond the policy table (see `reviewerReach` in authz-policy.ts):
   * review rounds they were invited to that are still open, and models (with their case studies) they
   * are the invited contact of. Set from what the setup did, not from observed answers.
   */
  reach: Set<string>;
  /** Their member id in the own workspace, when they have one. */
  memberId?: string;
}

export interface Side {
  key: SideKey;
  admin: Api;
  workspace: string;
  document: string;
  scratchDocument: string;
  scratchVersion: string;
  version: string;
  sectionId: string;
  annotation: string;
  reply: string;
  resolvedAnnotation: string;
  reviewComment: string;
  reviewRound: string;
  closedReviewRound: string;
  openRound: string;
  closedRound: string;
  criterion: string;
  decisionAgreed: string;
  decisionProposed: string;
  milestone: { id: string; startsOn: string; dueDate: string };
  deliverable: string;
  meeting: string;
  agendaItem: string;
  model: string;
  caseStudy: string;
  source: string;
  finding: string;
  glossaryEntry: string;
  invitationToken: string;
  revokedInvitation: string;
  /** A member whose role can be "changed" to what it already is. */
  member: { id: string; role: Role };
  /** Deliverables owned by a principal (the owner may tick them); others use `deliverable`. */
  deliverableOf: Partial<Record<PrincipalKey, string>>;
  /** Who authors per-cell annotations for a principal (themselves when they can annotate). */
  authorFor(p: Principal): Api;
  /** State of the document for anchors, and one passage of it. */
  anchorDoc: Y.Doc;
  quote: string;
}

export interface World {
  server: TestServer;
  principals: Principal[];
  sides: Record<SideKey, Side>;
  leadEmail: string;
  counter: () => number;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const ymd = (ms: number) => iso(ms).slice(0, 10);

async function must<T = Record<string, any>>(api: Api, query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await api.gql<T>(query, variables);
  if (r.errors?.length || !r.data) throw new Error(`setup: ${query.slice(0, 80)}…: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** A session for an account, made in the database (the token is HMAC'd like the server does). */
export async function session(server: TestServer, userId: string): Promise<Api> {
  const token = randomBytes(32).toString('base64url');
  await server.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [userId, createHmac('sha256', SESSION_SECRET).update(token).digest('hex')]);
  return new Api(server.url, token);
}

async function account(server: TestServer, email: string, name: string): Promise<string> {
  const r = await server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [email, name]);
  return r.rows[0].id as string;
}

async function addMember(server: TestServer, workspaceId: string, userId: string, role: Role): Promise<string> {
  const r = await server.db.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) VALUES ($1, $2, $3, 'Authz Org', 'HE') RETURNING id`, [workspaceId, userId, role]);
  return r.rows[0].id as string;
}

export async function userIdOf(server: TestServer, email: string): Promise<string> {
  return (await server.db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
}

function passage(doc: Y.Doc): string {
  const text = linearText(doc).text;
  const m = /[A-Za-z][A-Za-z ]{12,}/.exec(text);
  if (!m) throw new Error('setup: the document has no passage to annotate');
  return m[0].slice(0, 12);
}

function anchorOf(doc: Y.Doc, quote: string): { anchor: string; quote: string } {
  const start = linearText(doc).text.indexOf(quote);
  if (start < 0) throw new Error(`setup: "${quote}" is not in the document`);
  return { anchor: anchorFromOffsets(doc, start, start + quote.length), quote };
}

async function versionDoc(api: Api, versionId: string): Promise<Y.Doc> {
  const d = await must(api, `query($id: ID!) { documentVersion(id: $id) { state } }`, { id: versionId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(d.documentVersion.state, 'base64'));
  return doc;
}

export const ADD_ANNOTATION = `mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`;

export async function annotate(api: Api, side: Pick<Side, 'document' | 'anchorDoc' | 'quote'>, body = 'Authz matrix comment.'): Promise<string> {
  const d = await must(api, ADD_ANNOTATION, { i: { documentId: side.document, kind: 'COMMENT', body, ...anchorOf(side.anchorDoc, side.quote) } });
  return d.addAnnotation.id;
}

async function addReviewComment(api: Api, roundId: string, doc: Y.Doc, quote: string): Promise<string> {
  const d = await must(api, `mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, { i: { roundId, kind: 'COMMENT', body: 'Authz review comment.', ...anchorOf(doc, quote) } });
  return d.addReviewAnnotation.id;
}

interface Base {
  workspace: string;
  document: string;
  criteria: string[];
  milestone: { id: string; startsOn: string; dueDate: string };
  meeting: string;
  agendaItem: string;
  model: string;
  caseStudy: string;
  source: string;
  finding: string;
  sectionId: string;
}

/** The objects the demo seed does not have, made the same way in both workspaces. */
async function populate(key: SideKey, admin: Api, editor: Api, author: Api, base: Base, n: () => number) {
  const { workspace } = base;
  const v = await must(editor, `mutation($d: ID!) { createVersion(documentId: $d, name: "Authz version") { id } }`, { d: base.document });
  const version = v.createVersion.id as string;
  const anchorDoc = await versionDoc(admin, version);
  const quote = passage(anchorDoc);
  const scratch = await must(admin, `mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: workspace, title: 'Authz scratch document' } });
  const scratchDocument = scratch.createDocument.id as string;
  const sv = await must(admin, `mutation($d: ID!) { createVersion(documentId: $d, name: "Scratch version") { id } }`, { d: scratchDocument });

  const side = { document: base.document, anchorDoc, quote };
  const annotation = await annotate(author, side);
  const r = await must(author, `mutation($a: ID!) { replyToAnnotation(annotationId: $a, body: "Authz reply.") { id } }`, { a: annotation });
  const resolvedAnnotation = await annotate(author, side);
  await must(author, `mutation($id: ID!) { resolveAnnotation(id: $id) { id } }`, { id: resolvedAnnotation });

  const openReview = (title: string) =>
    must(editor, `mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: version, title, closesAt: iso(2 * day) } }).then((d) => d.openReviewRound.id as string);
  const reviewRound = await openReview('Authz open review');
  const closedReviewRound = await openReview('Authz closed review');

  const createRound = async (title: string) => {
    const d = await must(editor, `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`, { i: { workspaceId: workspace, title, scale: 'LIKERT_9', anonymous: false, criterionIds: base.criteria } });
    await must(editor, `mutation($id: ID!) { openRound(id: $id) { id } }`, { id: d.createRound.id });
    return d.createRound.id as string;
  };
  const openRound = await createRound('Authz open round');
  const closedRound = await createRound('Authz closed round');
  const items = (await must(admin, `query($id: ID!) { round(id: $id) { items { id } } }`, { id: closedRound })).round.items as { id: string }[];
  await must(admin, `mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: closedRound, s: items.map((i) => ({ itemId: i.id, rating: 9 })) });
  await must(editor, `mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: closedRound });

  const propose = (title: string) =>
    must(admin, `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: { workspaceId: workspace, title, statement: 'Authz statement.', rationale: 'Authz rationale.' } }).then((d) => d.proposeDecision.id as string);
  const decisionAgreed = await propose('Authz agreed decision');
  await must(admin, `mutation($id: ID!, $m: ID) { agreeDecision(id: $id, meetingId: $m) { id } }`, { id: decisionAgreed, m: base.meeting });
  const decisionProposed = await propose('Authz proposed decision');

  const g = await must(admin, `mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id } }`, { i: { workspaceId: workspace, term: `AUTHZ${n()}`, explanation: 'Authz term.' } });
  const invite = () =>
    must(admin, `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link invitation { id } } }`, { i: { workspaceId: workspace, email: `authz-invite-${key}-${n()}@example.org`, role: 'MEMBER', organisation: 'Authz Org', sector: 'HE' } }).then(
      (d) => d.inviteMember as { link: string; invitation: { id: string } },
    );
  const pending = await invite();
  const revoked = await invite();
  await must(admin, `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, { id: revoked.invitation.id });
  const deliverable = await addDeliverable(admin, base.milestone, undefined, n);

  return {
    version,
    anchorDoc,
    quote,
    scratchDocument,
    scratchVersion: sv.createVersion.id as string,
    annotation,
    reply: r.replyToAnnotation.id as string,
    resolvedAnnotation,
    reviewRound,
    closedReviewRound,
    openRound,
    closedRound,
    decisionAgreed,
    decisionProposed,
    glossaryEntry: g.defineGlossaryTerm.id as string,
    invitationToken: pending.link.split('/invite/')[1],
    revokedInvitation: revoked.invitation.id,
    deliverable,
  };
}

export async function addDeliverable(admin: Api, milestone: Side['milestone'], ownerId: string | undefined, n: () => number | string): Promise<string> {
  const d = await must(admin, `mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { id } }`, { i: { milestoneId: milestone.id, title: `Authz deliverable ${n()}`, dueDate: milestone.dueDate, ...(ownerId ? { ownerId } : {}) } });
  return d.addDeliverable.id;
}

/** The demo workspace's own objects, as the seed made them. */
async function demoBase(lead: Api): Promise<Base> {
  const d = await must(
    lead,
    `{ workspaces { id documents { id sections { id } } criteria { id status } milestones { id startsOn dueDate } models { id type caseStudy { id } } sources { id } findings { id } } }`,
  );
  const ws = d.workspaces[0];
  // A meeting of tomorrow: its briefing pack covers now, so it shows the rounds and reviews made here.
  const meeting = (
    await must(lead, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agendaItems { id } } }`, { i: { workspaceId: ws.id, title: 'Authz meeting', kind: 'WORKING_GROUP', date: ymd(day), agenda: ['Authz item'] } })
  ).createMeeting;
  const model = ws.models.find((m: { type: string; caseStudy: unknown }) => m.caseStudy);
  return {
    workspace: ws.id,
    document: ws.documents[0].id,
    sectionId: ws.documents[0].sections.find((s: { id: string }) => !/^s\d+$/.test(s.id))?.id ?? ws.documents[0].sections[0].id,
    criteria: ws.criteria.filter((c: { status: string }) => c.status === 'CANDIDATE').map((c: { id: string }) => c.id),
    milestone: ws.milestones[0],
    meeting: meeting.id,
    agendaItem: meeting.agendaItems[0].id,
    model: model.id,
    caseStudy: model.caseStudy.id,
    source: ws.sources[0].id,
    finding: ws.findings[0].id,
  };
}

/** A workspace of someone else, with the same kinds of objects as the demo workspace. */
async function otherBase(server: TestServer, lead: Api): Promise<Base> {
  const ws = (await must(lead, `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { id } }`, { i: { name: 'Authz other workspace', organisation: 'Other Org', sector: 'NHS' } })).createWorkspace.id as string;
  const doc = (await must(lead, `mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: ws, title: 'Other guidance' } })).createDocument.id as string;
  const writer = await connectClient(server.url, doc, lead.token!);
  appendParagraph(writer.doc, 'Other workspace guidance text for the authorization matrix.');
  await new Promise((r) => setTimeout(r, 300));
  writer.destroy();
  const source = (await must(lead, `mutation($i: CreateSourceInput!) { createSource(input: $i) { id } }`, { i: { workspaceId: ws, title: 'Other source', authors: 'Other authors', type: 'REPORT' } })).createSource.id as string;
  const finding = (await must(lead, `mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }`, { i: { sourceId: source, kind: 'CHALLENGE', text: 'Other finding.' } })).addFinding.id as string;
  const model = (
    await must(lead, `mutation($i: CreatePracticeModelInput!) { createPracticeModel(input: $i) { id } }`, {
      i: { workspaceId: ws, name: 'Other model', leadProviders: 'Other HEP', nhsPartners: 'Other trust', region: 'LONDON', type: 'DIGITAL', summary: 'Other.' },
    })
  ).createPracticeModel.id as string;
  await must(lead, `mutation($i: SaveTemplateInput!) { saveCaseStudyTemplate(input: $i) { id } }`, { i: { workspaceId: ws, sections: [{ title: 'About', fields: [{ label: 'Summary', type: 'TEXT', required: false, help: '' }] }] } });
  const cs = (await must(lead, `mutation($i: SaveCaseStudyInput!) { saveCaseStudy(input: $i) { id } }`, { i: { modelId: model, answers: [] } })).saveCaseStudy.id as string;
  await must(lead, `mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`, { id: cs });
  const criterion = (await must(lead, `mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { id status } }`, { i: { workspaceId: ws, statement: 'Other criterion.' } })).proposeCriterion;
  if (criterion.status !== 'CANDIDATE') await must(lead, `mutation($id: ID!) { acceptCriterion(id: $id) { id } }`, { id: criterion.id });
  const milestone = (
    await must(lead, `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id startsOn dueDate } }`, { i: { workspaceId: ws, title: 'Other milestone', startsOn: ymd(-30 * day), dueDate: ymd(60 * day) } })
  ).createMilestone;
  const meeting = (
    await must(lead, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agendaItems { id } } }`, { i: { workspaceId: ws, title: 'Other meeting', kind: 'TASKFORCE', date: ymd(30 * day), agenda: ['Other item'], milestoneId: milestone.id } })
  ).createMeeting;
  return { workspace: ws, document: doc, sectionId: 'authz-section', criteria: [criterion.id], milestone, meeting: meeting.id, agendaItem: meeting.agendaItems[0].id, model, caseStudy: cs, source, finding };
}

export async function buildWorld(server: TestServer): Promise<World> {
  let seq = 0;
  const n = () => ++seq;
  const db = server.db;
  const demo = async (email: string) => {
    const id = await userIdOf(server, email);
    return { id, api: await session(server, id) };
  };
  const [lead, editor, member, reviewer, observer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.reviewer, DEMO.observer].map(demo));
  const base = await demoBase(lead.api);
  const ws = base.workspace;
  const memberIdOf = async (userId: string) => (await db.query(`SELECT id FROM members WHERE workspace_id = $1 AND user_id = $2`, [ws, userId])).rows[0]?.id as string | undefined;

  // Accounts made for the matrix: one with no membership anywhere, a reviewer of a round that closes,
  // a member who is removed, and the lead of the other workspace.
  const tag = randomBytes(3).toString('hex');
  const nonMemberId = await account(server, `authz-nonmember-${tag}@example.org`, 'Authz Non-member');
  const closedReviewerEmail = `authz-closed-reviewer-${tag}@example.org`;
  const closedReviewerId = await account(server, closedReviewerEmail, 'Authz Closed Reviewer');
  const closedReviewerMember = await addMember(server, ws, closedReviewerId, Role.REVIEWER);
  const removedId = await account(server, `authz-removed-${tag}@example.org`, 'Authz Removed Member');
  const removedMember = await addMember(server, ws, removedId, Role.MEMBER);
  const otherLeadId = await account(server, `authz-other-lead-${tag}@example.org`, 'Authz Other Lead');
  const otherLead = await session(server, otherLeadId);

  // The own workspace.
  const own = await populate('own', lead.api, editor.api, member.api, base, n);
  const reviewerEmail = DEMO.reviewer;
  await must(editor.api, `mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { email } }`, { i: { roundId: own.reviewRound, email: reviewerEmail, organisation: 'x', sector: 'OTHER' } });
  await must(editor.api, `mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { email } }`, { i: { roundId: own.closedReviewRound, email: closedReviewerEmail, organisation: 'x', sector: 'OTHER' } });
  await must(editor.api, `mutation($i: InviteModelContactInput!) { inviteModelContact(input: $i) { email } }`, { i: { modelId: base.model, email: reviewerEmail, organisation: 'x', sector: 'OTHER' } });
  const closedReviewerApi = await session(server, closedReviewerId);
  const reviewComment = await addReviewComment(reviewer.api, own.reviewRound, own.anchorDoc, own.quote);
  await addReviewComment(closedReviewerApi, own.closedReviewRound, own.anchorDoc, own.quote);
  await must(editor.api, `mutation($id: ID!) { closeReviewRound(id: $id) { id } }`, { id: own.closedReviewRound });
  const removedApi = await session(server, removedId);
  await must(lead.api, `mutation($m: ID!) { removeMember(memberId: $m) }`, { m: removedMember });

  const [leadMember, editorMember, memberMember] = await Promise.all([lead.id, editor.id, member.id].map(memberIdOf));
  const deliverableOf: Side['deliverableOf'] = {
    lead: await addDeliverable(lead.api, base.milestone, leadMember, n),
    editor: await addDeliverable(lead.api, base.milestone, editorMember, n),
    member: await addDeliverable(lead.api, base.milestone, memberMember, n),
  };

  // The other workspace.
  const oBase = await otherBase(server, otherLead);
  const other = await populate('other', otherLead, otherLead, otherLead, oBase, n);
  const otherReviewComment = await addReviewComment(otherLead, other.reviewRound, other.anchorDoc, other.quote);
  await must(otherLead, `mutation($id: ID!) { closeReviewRound(id: $id) { id } }`, { id: other.closedReviewRound });
  const otherLeadMember = (await must(otherLead, `query($id: ID!) { workspace(id: $id) { myMembership { id } } }`, { id: oBase.workspace })).workspace.myMembership.id as string;

  const annotators = new Set<PrincipalKey>(['lead', 'editor', 'member']);
  const sides: Record<SideKey, Side> = {
    own: {
      key: 'own',
      admin: lead.api,
      ...base,
      ...own,
      reviewComment,
      criterion: base.criteria[0],
      member: { id: memberMember!, role: Role.MEMBER },
      deliverableOf,
      authorFor: (p) => (annotators.has(p.key) ? p.api : member.api),
    },
    other: {
      key: 'other',
      admin: otherLead,
      ...oBase,
      ...other,
      reviewComment: otherReviewComment,
      criterion: oBase.criteria[0],
      member: { id: otherLeadMember, role: Role.LEAD },
      deliverableOf: {},
      authorFor: () => otherLead,
    },
  };

  const anon = new Api(server.url);
  const principal = (key: PrincipalKey, role: Role | null, api: Api, userId: string | null, memberId?: string, reach: string[] = []): Principal => ({
    key,
    role,
    signedIn: !!api.token,
    api,
    session: async () => (userId ? session(server, userId) : anon),
    memberId,
    reach: new Set(reach),
  });
  const nonMember = await session(server, nonMemberId);
  const principals: Principal[] = [
    principal('lead', Role.LEAD, lead.api, lead.id, leadMember),
    principal('editor', Role.EDITOR, editor.api, editor.id, editorMember),
    principal('member', Role.MEMBER, member.api, member.id, memberMember),
    // The demo reviewer: invited to the open review round, and the contact of one model.
    principal('reviewer', Role.REVIEWER, reviewer.api, reviewer.id, await memberIdOf(reviewer.id), [own.reviewRound, base.model, base.caseStudy]),
    principal('observer', Role.OBSERVER, observer.api, observer.id, await memberIdOf(observer.id)),
    principal('signedOut', null, anon, null),
    principal('nonMember', null, nonMember, nonMemberId),
    // Invited to a review round that has closed since: nothing to reach any more.
    principal('closedReviewer', Role.REVIEWER, closedReviewerApi, closedReviewerId, closedReviewerMember),
    principal('removedMember', null, removedApi, removedId),
  ];
  return { server, principals, sides, leadEmail: DEMO.lead, counter: n };
}

/**
 * Events for the subscriptions, in both workspaces: a version (activity), an annotation
 * (annotationChanged) and a ballot (roundChanged). Sent while subscriptions wait for their first answer.
 */
export async function triggerEvents(world: World): Promise<void> {
  await Promise.all(
    Object.values(world.sides).map(async (o) => {
      const items = (await must(o.admin, `query($id: ID!) { round(id: $id) { items { id } } }`, { id: o.openRound })).round.items as { id: string }[];
      await Promise.all([
        must(o.admin, `mutation($d: ID!) { createVersion(documentId: $d, name: "Authz event") { id } }`, { d: o.scratchDocument }),
        annotate(o.admin, o, 'Authz event.'),
        must(o.admin, `mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: o.openRound, s: [{ itemId: items[0].id, rating: 9 }] }),
      ]);
    }),
  );
}
