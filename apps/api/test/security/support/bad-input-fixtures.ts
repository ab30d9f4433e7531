// Valid invocations of every mutation for the bad-input sweep, on throwaway objects in the seeded
// demo workspace: each builder returns variables that succeed as they are, so that a rejection in the
// sweep is the swept value's doing.
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient } from '../../support/collab';
import { Api, DEMO } from '../../support/graphql';

export type Vars = Record<string, unknown>;

export interface Builder {
  /** Who calls it. */
  as: (ctx: Ctx) => Api;
  /** Valid variables; `i` makes names unique where the mutation needs them to be. */
  build: (ctx: Ctx, i: number) => Promise<Vars>;
  /** (Kept for readability of the table: every base is built once per swept field.) */
  shared: boolean;
  /**
   * Single-use parts (an invitation token, a decision to supersede, a gate to trigger): replaced for
   * each call that will run, before the swept value goes in. A refused call does not use them up.
   */
  fresh?: (vars: Vars, ctx: Ctx) => Promise<Vars>;
  /** Per swept field (its path, e.g. "input.answers[].choices"): a base where that field means something. */
  per?: Record<string, (ctx: Ctx, i: number) => Promise<Vars>>;
  /** Makes shared variables unique per call where the mutation refuses a repeat (an e-mail, a term). */
  vary?: (vars: Vars, ctx: Ctx) => Vars;
  /** A session of its own for each call (logout). */
  session?: (ctx: Ctx) => Promise<Api>;
}

export interface Ctx {
  url: string;
  anon: Api;
  lead: Api;
  editor: Api;
  member: Api;
  memberNhs: Api;
  reviewer: Api;
  workspaceId: string;
  documentId: string;
  sectionId: string;
  memberIds: Record<string, string>;
  modelId: string;
  sourceId: string;
  templateFields: { text: string; choice: string; option: string };
  live: Client;
  /** A unique suffix per process and call. */
  uid: () => string;
  close(): void;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function ok(api: Api, query: string, variables?: Vars): Promise<Record<string, any>> {
  return api.ok(query, variables);
}

export async function makeContext(url: string): Promise<Ctx> {
  const anon = new Api(url);
  const [lead, editor, member, memberNhs, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.reviewer].map((e) => anon.login(e)));
  const ws = (await ok(lead, `{ workspaces { id documents { id sections { id } } members { id user { email } } models { id } sources { id } } }`)).workspaces[0];
  const documentId = ws.documents[0].id;
  const live = await connectClient(url, documentId, editor.token!);
  // Text to anchor annotations on, one paragraph per sweep worker.
  for (let k = 0; k < 4; k++) appendParagraph(live.doc, `Sweep anchor ${k}: partnerships agree a shared referral form.`);
  await new Promise((r) => setTimeout(r, 300));
  let n = 0;
  let closed = false;
  const ctx: Ctx = {
    url,
    anon,
    lead,
    editor,
    member,
    memberNhs,
    reviewer,
    workspaceId: ws.id,
    documentId,
    sectionId: ws.documents[0].sections[0].id,
    memberIds: Object.fromEntries(ws.members.map((m: { id: string; user: { email: string } }) => [m.user.email, m.id])),
    modelId: ws.models[0].id,
    sourceId: ws.sources[0].id,
    templateFields: { text: 'sweep_text', choice: 'sweep_choice', option: 'Liaison' },
    live,
    uid: () => `${process.pid}-${++n}`,
    close: () => {
      if (closed) return;
      closed = true;
      live.destroy();
    },
  };
  // An agreed criterion (everyone rates it 9), so that the assessment matrix has one to rate models against.
  const c = (await ok(member, `mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { id } }`, { i: { workspaceId: ws.id, statement: 'Sweep: an agreed criterion' } })).proposeCriterion.id;
  await ok(editor, `mutation($id: ID!) { acceptCriterion(id: $id) { id } }`, { id: c });
  const r = (await ok(editor, `mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId: ws.id, title: 'Sweep: agreement', scale: 'LIKERT_9', anonymous: true, criterionIds: [c] } })).createRound;
  await ok(editor, `mutation($id: ID!) { openRound(id: $id) { id } }`, { id: r.id });
  for (const voter of [lead, editor, member, memberNhs]) await ok(voter, `mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: r.id, s: [{ itemId: r.items[0].id, rating: 9 }] });
  await ok(editor, `mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: r.id });
  // A small case-study template: one required text field and one single choice.
  await ok(editor, `mutation($i: SaveTemplateInput!) { saveCaseStudyTemplate(input: $i) { id } }`, { i: templateInput(ctx) });
  return ctx;
}

function templateInput(ctx: Ctx) {
  return {
    workspaceId: ctx.workspaceId,
    sections: [
      {
        id: 'sweep',
        title: 'About the model',
        fields: [
          { id: ctx.templateFields.text, label: 'Service name', type: 'TEXT', required: true, help: 'As people know it.', options: [] },
          { id: ctx.templateFields.choice, label: 'Kind', type: 'SINGLE_CHOICE', required: false, help: '', options: [ctx.templateFields.option, 'Other'] },
        ],
      },
    ],
  };
}

// ---- throwaway objects ----------------------------------------------------------------------------

function anchor(ctx: Ctx, quote = 'shared referral form') {
  const text = linearText(ctx.live.doc).text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the live document`);
  return { anchor: anchorFromOffsets(ctx.live.doc, start, start + quote.length), quote };
}

async function annotation(ctx: Ctx, kind: 'COMMENT' | 'SUGGESTION' = 'COMMENT', who: Api = ctx.member): Promise<string> {
  const i = { documentId: ctx.documentId, kind, body: 'A throwaway comment.', ...anchor(ctx), ...(kind === 'SUGGESTION' ? { suggestion: 'common referral form' } : {}) };
  return (await ok(who, `mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, { i })).addAnnotation.id;
}

async function reply(ctx: Ctx): Promise<string> {
  const a = await annotation(ctx);
  return (await ok(ctx.member, `mutation($a: ID!) { replyToAnnotation(annotationId: $a, body: "A reply.") { id } }`, { a })).replyToAnnotation.id;
}

async function criterion(ctx: Ctx, accepted = true): Promise<string> {
  const id = (await ok(ctx.member, `mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { id } }`, { i: { workspaceId: ctx.workspaceId, statement: `Throwaway criterion ${ctx.uid()}` } })).proposeCriterion.id;
  if (accepted) await ok(ctx.editor, `mutation($id: ID!) { acceptCriterion(id: $id) { id } }`, { id });
  return id;
}

async function round(ctx: Ctx, status: 'DRAFT' | 'OPEN' | 'CLOSED', scale = 'LIKERT_9'): Promise<{ id: string; itemId: string }> {
  const c = await criterion(ctx);
  const r = (await ok(ctx.editor, `mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId: ctx.workspaceId, title: `Throwaway round ${ctx.uid()}`, scale, anonymous: true, criterionIds: [c] } })).createRound;
  if (status !== 'DRAFT') await ok(ctx.editor, `mutation($id: ID!) { openRound(id: $id) { id } }`, { id: r.id });
  if (status === 'CLOSED') await ok(ctx.editor, `mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: r.id });
  return { id: r.id, itemId: r.items[0].id };
}

function decisionInput(ctx: Ctx, i: number) {
  return { workspaceId: ctx.workspaceId, title: `Throwaway decision ${i}`, statement: 'We decided.', rationale: 'Because.', sections: [{ documentId: ctx.documentId, sectionId: ctx.sectionId }] };
}

async function decision(ctx: Ctx, agreed: boolean): Promise<string> {
  const id = (await ok(ctx.editor, `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: decisionInput(ctx, 0) })).proposeDecision.id;
  if (agreed) await ok(ctx.lead, `mutation($id: ID!) { agreeDecision(id: $id) { id } }`, { id });
  return id;
}

async function meeting(ctx: Ctx): Promise<{ id: string; itemId: string }> {
  const m = (await ok(ctx.editor, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agendaItems { id } } }`, { i: { workspaceId: ctx.workspaceId, title: `Throwaway meeting ${ctx.uid()}`, date: day(7), kind: 'WORKING_GROUP', agenda: ['First item', 'Second item'] } })).createMeeting;
  return { id: m.id, itemId: m.agendaItems[0].id };
}

async function milestone(ctx: Ctx, gatesDraft = false): Promise<string> {
  return (await ok(ctx.lead, `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }`, { i: { workspaceId: ctx.workspaceId, title: `Throwaway milestone ${ctx.uid()}`, startsOn: day(-10), dueDate: day(60), gatesDraft } })).createMilestone.id;
}

async function deliverable(ctx: Ctx): Promise<string> {
  const milestoneId = await milestone(ctx);
  return (await ok(ctx.lead, `mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { id } }`, { i: { milestoneId, title: 'Throwaway deliverable', dueDate: day(30) } })).addDeliverable.id;
}

async function glossaryEntry(ctx: Ctx): Promise<string> {
  return (await ok(ctx.editor, `mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id } }`, { i: { workspaceId: ctx.workspaceId, term: `TT${ctx.uid()}`, explanation: 'A throwaway term.' } })).defineGlossaryTerm.id;
}

async function finding(ctx: Ctx): Promise<string> {
  return (await ok(ctx.editor, `mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }`, { i: { sourceId: ctx.sourceId, kind: 'CHALLENGE', text: 'A throwaway finding.', reference: 'p. 1', tags: [], sections: [] } })).addFinding.id;
}

async function version(ctx: Ctx): Promise<string> {
  return (await ok(ctx.editor, `mutation($d: ID!, $n: String!) { createVersion(documentId: $d, name: $n) { id } }`, { d: ctx.documentId, n: `Throwaway version ${ctx.uid()}` })).createVersion.id;
}

async function reviewRound(ctx: Ctx): Promise<string> {
  const versionId = await version(ctx);
  const id = (await ok(ctx.editor, `mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId, title: 'Throwaway review', closesAt: inAnHour() } })).openReviewRound.id;
  await ok(ctx.editor, `mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { email } }`, { i: { roundId: id, email: DEMO.reviewer, organisation: 'Association of Colleges', sector: 'OTHER' } });
  return id;
}

async function reviewAnchor(ctx: Ctx, roundId: string) {
  const r = await ok(ctx.reviewer, `query($id: ID!) { reviewRound(id: $id) { versionState } }`, { id: roundId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(r.reviewRound.versionState, 'base64'));
  const quote = 'shared referral form';
  const start = linearText(doc).text.indexOf(quote);
  const a = anchorFromOffsets(doc, start, start + quote.length);
  doc.destroy();
  return { anchor: a, quote };
}

/** A reviewer's comment in a review round that has been closed (so triage is open). */
async function triagedComment(ctx: Ctx): Promise<string> {
  const roundId = await reviewRound(ctx);
  const id = (await ok(ctx.reviewer, `mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, { i: { roundId, kind: 'COMMENT', body: 'A throwaway review comment.', ...(await reviewAnchor(ctx, roundId)) } })).addReviewAnnotation.id;
  await ok(ctx.editor, `mutation($id: ID!) { closeReviewRound(id: $id) { id } }`, { id: roundId });
  return id;
}

async function model(ctx: Ctx): Promise<string> {
  return (await ok(ctx.editor, `mutation($i: CreatePracticeModelInput!) { createPracticeModel(input: $i) { id } }`, { i: modelInput(ctx, 0) })).createPracticeModel.id;
}

function modelInput(ctx: Ctx, i: number) {
  return { workspaceId: ctx.workspaceId, name: `Throwaway model ${i}`, type: 'LIAISON_SERVICE', region: 'LONDON', leadProviders: 'A university', nhsPartners: 'A trust', summary: 'A summary.', contact: 'Sam, sam@example.org' };
}

function answers(ctx: Ctx) {
  return [{ fieldId: ctx.templateFields.text, value: 'The liaison service' }];
}

/** A draft case study of a fresh model: its submission id. */
async function draftCaseStudy(ctx: Ctx): Promise<{ modelId: string; id: string }> {
  const modelId = await model(ctx);
  const id = (await ok(ctx.editor, `mutation($i: SaveCaseStudyInput!) { saveCaseStudy(input: $i) { id } }`, { i: { modelId, answers: answers(ctx) } })).saveCaseStudy.id;
  return { modelId, id };
}

async function submittedCaseStudy(ctx: Ctx): Promise<string> {
  const { id } = await draftCaseStudy(ctx);
  await ok(ctx.editor, `mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`, { id });
  return id;
}

async function invitation(ctx: Ctx): Promise<{ id: string; token: string; email: string }> {
  const email = `sweep-${ctx.uid()}@example.org`;
  const inv = (await ok(ctx.lead, `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId: ctx.workspaceId, email, organisation: 'An organisation', role: 'MEMBER', sector: 'HE' } })).inviteMember;
  const list = (await ok(ctx.lead, `query($w: ID!) { workspace(id: $w) { invitations { id email } } }`, { w: ctx.workspaceId })).workspace.invitations as { id: string; email: string }[];
  return { id: list.find((x) => x.email === email)!.id, token: String(inv.link).split('/invite/')[1], email };
}

async function newMember(ctx: Ctx): Promise<string> {
  const inv = await invitation(ctx);
  await ok(ctx.anon, `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: inv.token, name: 'Throwaway Member', password: 'a-long-password-1' } });
  const list = (await ok(ctx.lead, `query($w: ID!) { workspace(id: $w) { members { id user { email } } } }`, { w: ctx.workspaceId })).workspace.members as { id: string; user: { email: string } }[];
  return list.find((m) => m.user.email === inv.email)!.id;
}

// ---- the table --------------------------------------------------------------------------------------

const lead = (c: Ctx) => c.lead;
const editor = (c: Ctx) => c.editor;
const member = (c: Ctx) => c.member;

export const BUILDERS: Record<string, Builder> = {
  acceptCriterion: { as: editor, shared: true, build: async (c) => ({ id: await criterion(c, false) }) },
  acceptInvitation: {
    as: (c) => c.anon,
    shared: true,
    build: async (c) => ({ input: { token: (await invitation(c)).token, name: 'Invited Person', password: 'a-long-password-1' } }),
    fresh: async (v, c) => ({ input: { ...(v.input as Vars), token: (await invitation(c)).token } }),
  },
  acceptSuggestion: { as: editor, shared: true, build: async (c) => ({ id: await annotation(c, 'SUGGESTION') }) },
  addAgendaItem: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { meetingId: (await meeting(c)).id, title: 'An agenda item', position: 1 } }),
    // An agenda holds at most 50 items.
    fresh: async (v, c) => ({ input: { ...(v.input as Vars), meetingId: (await meeting(c)).id } }),
  },
  addAnnotation: {
    as: member,
    shared: true,
    build: async (c) => ({ input: { documentId: c.documentId, kind: 'SUGGESTION', body: 'A comment.', suggestion: 'A suggestion.', tags: ['GP registration'], mentions: [c.memberIds[DEMO.editor]], ...anchor(c) } }),
    per: {
      'input.evidenceUrl': async (c) => ({ input: { documentId: c.documentId, kind: 'EVIDENCE', body: 'Evidence.', evidenceUrl: 'https://example.org/report', ...anchor(c) } }),
      'input.findingId': async (c) => ({ input: { documentId: c.documentId, kind: 'EVIDENCE', body: 'Evidence.', findingId: await finding(c), ...anchor(c) } }),
      'input.caseStudyId': async (c) => ({ input: { documentId: c.documentId, kind: 'EVIDENCE', body: 'Evidence.', caseStudyId: await submittedCaseStudy(c), ...anchor(c) } }),
    },
  },
  addDeliverable: {
    as: lead,
    shared: true,
    build: async (c) => ({ input: { milestoneId: await milestone(c), title: 'A deliverable', dueDate: day(30), ownerId: c.memberIds[DEMO.editor], tieKind: 'DECISION_AGREED', tieTargetId: await decision(c, false) } }),
  },
  addFinding: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { sourceId: c.sourceId, kind: 'CHALLENGE', text: 'A finding.', reference: 'p. 4', tags: ['GP registration'], sections: [{ documentId: c.documentId, sectionId: c.sectionId }] } }),
  },
  addReviewAnnotation: {
    as: (c) => c.reviewer,
    shared: true,
    build: async (c) => {
      const roundId = await reviewRound(c);
      return { input: { roundId, kind: 'SUGGESTION', body: 'A review comment.', suggestion: 'common referral form', ...(await reviewAnchor(c, roundId)) } };
    },
  },
  agreeDecision: {
    as: lead,
    shared: true,
    build: async (c) => ({ id: await decision(c, false), meetingId: (await meeting(c)).id }),
    per: { roundId: async (c) => ({ id: await decision(c, false), roundId: (await round(c, 'CLOSED')).id }) },
  },
  castBallot: {
    as: member,
    shared: true,
    build: async (c) => {
      const r = await round(c, 'OPEN');
      return { roundId: r.id, scores: [{ itemId: r.itemId, rating: 8, rationale: 'My reasons.' }] };
    },
  },
  changeMemberRole: { as: lead, shared: true, build: async (c) => ({ memberId: await newMember(c), role: 'EDITOR' }) },
  closeReviewRound: { as: editor, shared: true, build: async (c) => ({ id: await reviewRound(c) }) },
  closeRound: { as: editor, shared: true, build: async (c) => ({ id: (await round(c, 'OPEN')).id }) },
  createDocument: { as: editor, shared: true, build: async (c) => ({ input: { workspaceId: c.workspaceId, title: 'A document', wordBudget: 1000 } }) },
  createMeeting: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { workspaceId: c.workspaceId, title: 'A meeting', date: day(7), kind: 'TASKFORCE', milestoneId: await milestone(c), agenda: ['An item'] } }),
  },
  createMilestone: { as: lead, shared: true, build: async (c) => ({ input: { workspaceId: c.workspaceId, title: 'A milestone', startsOn: day(-5), dueDate: day(50) } }) },
  createPracticeModel: { as: editor, shared: true, build: async (c, i) => ({ input: modelInput(c, i) }) },
  createRound: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { workspaceId: c.workspaceId, title: 'A round', scale: 'LIKERT_9', anonymous: true, criterionIds: [await criterion(c)] } }),
  },
  createSource: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { workspaceId: c.workspaceId, title: 'A source', authors: 'Some authors', publisher: 'A publisher', url: 'https://example.org/source', type: 'REPORT', year: 2024 } }),
  },
  createVersion: { as: editor, shared: true, build: async (c, i) => ({ documentId: c.documentId, name: `A version ${i}` }) },
  createWorkspace: { as: lead, shared: true, build: async () => ({ input: { name: 'A workspace', description: 'A description.', organisation: 'An organisation', sector: 'HE' } }) },
  declareInterest: { as: member, shared: true, build: async (c) => ({ criterionId: await criterion(c), statement: 'I work for a provider.' }), fresh: async (v, c) => ({ ...v, criterionId: await criterion(c) }) },
  defineGlossaryTerm: {
    as: editor,
    shared: true,
    vary: (v, c) => withInput(v, { term: `TERM${c.uid()}` }),
    build: async (c) => ({ input: { workspaceId: c.workspaceId, term: `TERM${c.uid()}`, expansion: 'An expansion', explanation: 'An explanation.' } }),
  },
  deleteAnnotation: { as: member, shared: true, build: async (c) => ({ id: await annotation(c) }) },
  deleteFinding: { as: editor, shared: true, build: async (c) => ({ id: await finding(c) }) },
  deleteMeeting: { as: editor, shared: true, build: async (c) => ({ id: (await meeting(c)).id }) },
  editAnnotation: { as: member, shared: true, build: async (c) => ({ input: { id: await annotation(c), body: 'Edited.' } }) },
  editReply: { as: member, shared: true, build: async (c) => ({ input: { id: await reply(c), body: 'Edited.' } }) },
  inviteMember: {
    as: lead,
    shared: true,
    vary: (v, c) => withInput(v, { email: `invitee-${c.uid()}@example.org` }),
    build: async (c) => ({ input: { workspaceId: c.workspaceId, email: `invitee-${c.uid()}@example.org`, organisation: 'An organisation', role: 'MEMBER', sector: 'NHS' } }),
  },
  inviteModelContact: {
    as: editor,
    shared: true,
    vary: (v, c) => withInput(v, { email: `contact-${c.uid()}@example.org` }),
    build: async (c) => ({ input: { modelId: c.modelId, email: `contact-${c.uid()}@example.org`, organisation: 'A trust', sector: 'NHS' } }),
  },
  inviteReviewer: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { roundId: await reviewRound(c), email: `reviewer-${c.uid()}@example.org`, organisation: 'A trust', sector: 'NHS' } }),
    vary: (v, c) => withInput(v, { email: `reviewer-${c.uid()}@example.org` }),
  },
  login: { as: (c) => c.anon, shared: true, build: async () => ({ input: { email: DEMO.observer, password: 'concord-demo' } }) },
  logout: { as: (c) => c.anon, shared: true, build: async () => ({}), session: (c) => c.anon.login(DEMO.observer) },
  mapCaseStudy: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { submissionId: await submittedCaseStudy(c), sections: [{ documentId: c.documentId, sectionId: c.sectionId }] } }),
  },
  markNotificationsRead: { as: member, shared: true, build: async () => ({ ids: [] }) },
  moveAgendaItem: { as: editor, shared: true, build: async (c) => ({ id: (await meeting(c)).itemId, position: 2 }) },
  nextRound: { as: editor, shared: true, build: async (c) => ({ id: (await round(c, 'CLOSED')).id }) },
  openReviewRound: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { versionId: await version(c), title: 'A review', closesAt: inAnHour() } }),
    fresh: async (v, c) => ({ input: { ...(v.input as Vars), versionId: await version(c) } }),
  },
  openRound: { as: editor, shared: true, build: async (c) => ({ id: (await round(c, 'DRAFT')).id }) },
  proposeCriterion: { as: member, shared: true, build: async (c) => ({ input: { workspaceId: c.workspaceId, statement: 'A criterion.', rationale: 'A rationale.' } }) },
  proposeDecision: {
    as: editor,
    shared: true,
    build: async (c, i) => ({
      input: {
        ...decisionInput(c, i),
        milestoneId: await milestone(c),
        roundItemId: (await round(c, 'CLOSED')).itemId,
        roundItemIds: [(await round(c, 'CLOSED')).itemId],
        annotationIds: [await annotation(c)],
        sourceIds: [c.sourceId],
      },
    }),
    per: { 'input.supersedesId': async (c, i) => ({ input: { ...decisionInput(c, i), supersedesId: await decision(c, true) } }) },
  },
  rateModel: {
    as: member,
    shared: true,
    build: async (c) => ({ input: { modelId: c.modelId, criterionId: await matrixCriterion(c), rating: 'MET', note: 'A note.', findingId: await finding(c) } }),
    per: {
      'input.submissionId': async (c) => {
        const s = await submittedCaseStudySubmission(c);
        return { input: { modelId: s.modelId, criterionId: await matrixCriterion(c), rating: 'MET', note: 'A note.', submissionId: s.id, fieldId: c.templateFields.text } };
      },
      'input.fieldId': async (c) => {
        const s = await submittedCaseStudySubmission(c);
        return { input: { modelId: s.modelId, criterionId: await matrixCriterion(c), rating: 'MET', note: 'A note.', submissionId: s.id, fieldId: c.templateFields.text } };
      },
    },
  },
  rejectSuggestion: { as: editor, shared: true, build: async (c) => ({ id: await annotation(c, 'SUGGESTION') }) },
  removeAgendaItem: { as: editor, shared: true, build: async (c) => ({ id: (await meeting(c)).itemId }) },
  removeDeliverable: { as: lead, shared: true, build: async (c) => ({ id: await deliverable(c) }) },
  removeGlossaryEntry: { as: editor, shared: true, build: async (c) => ({ id: await glossaryEntry(c) }) },
  removeMember: { as: lead, shared: true, build: async (c) => ({ memberId: await newMember(c) }) },
  reopenAnnotation: {
    as: member,
    shared: true,
    build: async (c) => {
      const id = await annotation(c);
      await ok(c.member, `mutation($id: ID!) { resolveAnnotation(id: $id) { id } }`, { id });
      return { id };
    },
  },
  replyToAnnotation: { as: member, shared: true, build: async (c) => ({ annotationId: await annotation(c), body: 'A reply.', mentions: [c.memberIds[DEMO.editor]] }) },
  resolveAnnotation: { as: member, shared: true, build: async (c) => ({ id: await annotation(c) }) },
  respondToReviewComment: { as: editor, shared: true, build: async (c) => ({ annotationId: await triagedComment(c), response: 'ACCEPTED', reason: 'Agreed.' }) },
  restoreVersion: { as: lead, shared: true, build: async (c) => ({ versionId: await version(c) }) },
  returnCaseStudy: { as: editor, shared: true, build: async (c) => ({ id: await submittedCaseStudy(c), comment: 'Please add more.' }), fresh: async (v, c) => ({ ...v, id: await submittedCaseStudy(c) }) },
  revokeInvitation: { as: lead, shared: true, build: async (c) => ({ id: (await invitation(c)).id }) },
  saveCaseStudy: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { modelId: (await draftCaseStudy(c)).modelId, answers: answers(c) } }),
    per: {
      'input.answers[].choices': async (c) => ({ input: { modelId: (await draftCaseStudy(c)).modelId, answers: [{ fieldId: c.templateFields.choice, choices: [c.templateFields.option] }, ...answers(c)] } }),
    },
  },
  saveCaseStudyTemplate: {
    as: editor,
    shared: true,
    build: async (c) => {
      const t = templateInput(c);
      // The sweep's first field is the one with options, so that `options` is swept too.
      t.sections[0].fields.reverse();
      return { input: t };
    },
  },
  setDeliverableDone: { as: lead, shared: true, build: async (c) => ({ id: await deliverable(c), done: true }) },
  submitCaseStudy: { as: editor, shared: true, build: async (c) => ({ id: (await draftCaseStudy(c)).id }) },
  supersedeDecision: {
    as: lead,
    shared: true,
    build: async (c, i) => ({
      id: await decision(c, true),
      input: { ...decisionInput(c, i), milestoneId: await milestone(c), roundItemIds: [(await round(c, 'CLOSED')).itemId], annotationIds: [await annotation(c)], sourceIds: [c.sourceId] },
      meetingId: (await meeting(c)).id,
    }),
    fresh: async (v, c) => ({ ...v, id: await decision(c, true) }),
    per: {
      roundId: async (c, i) => ({ id: await decision(c, true), input: decisionInput(c, i), roundId: (await round(c, 'CLOSED')).id }),
      'input.roundItemId': async (c, i) => ({ id: await decision(c, true), input: { ...decisionInput(c, i), roundItemId: (await round(c, 'CLOSED')).itemId } }),
    },
  },
  triggerMilestoneGate: {
    as: editor,
    shared: true,
    build: async (c, i) => ({ input: { milestoneId: await milestone(c, true), documentId: c.documentId, versionName: `Gate version ${i}`, openReview: { closesAt: inAnHour(), title: 'Gate review' } } }),
    // A milestone's gate is triggered once.
    fresh: async (v, c) => ({ input: { ...(v.input as Vars), milestoneId: await milestone(c, true) } }),
  },
  updateAgendaItem: { as: editor, shared: true, build: async (c) => ({ id: (await meeting(c)).itemId, title: 'Renamed item' }) },
  updateDecision: {
    as: editor,
    shared: true,
    build: async (c) => ({
      input: {
        id: await decision(c, false),
        title: 'Renamed',
        statement: 'Restated.',
        rationale: 'Reasoned.',
        milestoneId: await milestone(c),
        roundItemIds: [(await round(c, 'CLOSED')).itemId],
        annotationIds: [await annotation(c)],
        sourceIds: [c.sourceId],
        sections: [{ documentId: c.documentId, sectionId: c.sectionId }],
      },
    }),
  },
  updateDeliverable: {
    as: lead,
    shared: true,
    build: async (c) => ({ input: { id: await deliverable(c), title: 'Renamed', dueDate: day(20), ownerId: c.memberIds[DEMO.editor], tieKind: 'DECISION_AGREED', tieTargetId: await decision(c, false) } }),
  },
  updateDocument: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { id: (await ok(c.editor, `mutation($w: ID!) { createDocument(input: { workspaceId: $w, title: "Throwaway" }) { id } }`, { w: c.workspaceId })).createDocument.id, title: 'Renamed', wordBudget: 500 } }),
  },
  updateFinding: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { id: await finding(c), kind: 'SOLUTION', text: 'Rewritten.', reference: 'p. 2', tags: ['GP registration'], sections: [{ documentId: c.documentId, sectionId: c.sectionId }] } }),
  },
  updateGlossaryEntry: { as: editor, shared: true, build: async (c) => ({ input: { id: await glossaryEntry(c), expansion: 'Expanded', explanation: 'Explained.' } }), per: {} },
  updateMeeting: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { id: (await meeting(c)).id, title: 'Renamed', date: day(8), kind: 'TASKFORCE', milestoneId: await milestone(c) } }),
  },
  updateMilestone: { as: lead, shared: true, build: async (c) => ({ input: { id: await milestone(c), title: 'Renamed', startsOn: day(-3), dueDate: day(70) } }) },
  updateMyMembership: { as: member, shared: true, build: async (c) => ({ input: { workspaceId: c.workspaceId, organisation: 'University of Somewhere', sector: 'HE' } }) },
  updatePracticeModel: { as: editor, shared: true, build: async (c, i) => ({ input: { ...modelInput(c, i), workspaceId: undefined, id: await model(c) } }) },
  updateProfile: { as: (c) => c.memberNhs, shared: true, build: async () => ({ input: { name: 'Nia Trust' } }) },
  updateRound: { as: editor, shared: true, build: async (c) => ({ input: { id: (await round(c, 'DRAFT')).id, title: 'Renamed', criterionIds: [await criterion(c)] } }) },
  updateSource: {
    as: editor,
    shared: true,
    build: async (c) => ({ input: { id: c.sourceId, title: 'A source', authors: 'Some authors', publisher: 'A publisher', url: 'https://example.org/source', type: 'REPORT', year: 2024 } }),
  },
};

/** A criterion of the assessment matrix now (its basis changes once a round has closed). */
async function matrixCriterion(ctx: Ctx): Promise<string> {
  const r = await ok(ctx.member, `query($w: ID!) { workspace(id: $w) { assessment { criteria { id } } } }`, { w: ctx.workspaceId });
  return r.workspace.assessment.criteria[0].id;
}

async function submittedCaseStudySubmission(ctx: Ctx): Promise<{ modelId: string; id: string }> {
  const d = await draftCaseStudy(ctx);
  await ok(ctx.editor, `mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`, { id: d.id });
  return d;
}

/** The variables with some input fields replaced, unless the sweep has put its value there. */
function withInput(v: Vars, fields: Record<string, unknown>): Vars {
  const input = { ...(v.input as Vars) };
  for (const [k, value] of Object.entries(fields)) if (input[k] === undefined || /@example\.org$|^TERM/.test(String(input[k]))) input[k] = value;
  return { ...v, input };
}
