// The plan against real PostgreSQL: the seeded milestones, deliverables and meetings; statuses computed
// on the server; deliverables checked against their milestone; ticked by hand, or by the event they are
// tied to (each kind, the scheduler's auto-close included); and the gate that freezes the draft.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

/** The demo plan sits in the first February–May after the server's clock (as the seed places it). */
const planYear = (now: Date) => (now.getUTCMonth() >= 1 ? now.getUTCFullYear() + 1 : now.getUTCFullYear());

const DELIVERABLE = `id title dueDate done doneAt overdue ownerId ownerName tieKind tieTargetId proof { kind id label }`;
const MILESTONE = `id title startsOn dueDate status statusReason riskWindowDays gatesDraft gateTriggeredAt gateVersionId gateReviewRoundId deliverables { ${DELIVERABLE} }`;
const PLAN = `query($id: ID!) { workspace(id: $id) { milestones { ${MILESTONE} } meetings { id title kind date milestoneId agenda } } }`;
const ADD = `mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { ${DELIVERABLE} } }`;
const UPDATE = `mutation($i: UpdateDeliverableInput!) { updateDeliverable(input: $i) { ${DELIVERABLE} } }`;
const CREATE_MILESTONE = `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { ${MILESTONE} } }`;
const GATE = `mutation($i: TriggerMilestoneGateInput!) { triggerMilestoneGate(input: $i) { ${MILESTONE} } }`;
const TICK = `mutation($id: ID!, $done: Boolean!) { setDeliverableDone(id: $id, done: $done) { ${DELIVERABLE} } }`;

interface Deliverable {
  id: string;
  title: string;
  dueDate: string;
  done: boolean;
  overdue: boolean;
  ownerId: string | null;
  ownerName: string | null;
  tieKind: string | null;
  tieTargetId: string | null;
  proof: { kind: string; id: string; label: string } | null;
}
interface Milestone {
  id: string;
  title: string;
  startsOn: string;
  dueDate: string;
  status: string;
  statusReason: string;
  gatesDraft: boolean;
  gateTriggeredAt: string | null;
  gateVersionId: string | null;
  gateReviewRoundId: string | null;
  deliverables: Deliverable[];
}

describe('milestones, deliverables and the gate', () => {
  let server: TestServer;
  let lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api;
  let workspaceId: string, documentId: string;
  let criterionIds: string[];
  let memberIds: Record<string, string>;
  let other: { workspaceId: string; documentId: string; milestoneId: string; memberId: string };

  const plan = async (who: Api = lead) => (await who.ok(PLAN, { id: workspaceId })).workspace as { milestones: Milestone[]; meetings: { id: string; title: string; kind: string; date: string; milestoneId: string; agenda: string[] }[] };
  const deliverable = async (id: string) => (await plan()).milestones.flatMap((m) => m.deliverables).find((d) => d.id === id)!;
  const byTitle = async (title: string) => (await plan()).milestones.flatMap((m) => m.deliverables).find((d) => d.title === title)!;
  const count = async (table: string) => (await server.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  /** A milestone of our own, spanning the coming weeks, to tie deliverables to. */
  const milestone = async (title: string, extra: Record<string, unknown> = {}) => {
    const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    return (await lead.ok(CREATE_MILESTONE, { i: { workspaceId, title, startsOn: start, dueDate: due, ...extra } })).createMilestone as Milestone;
  };
  const tied = async (m: Milestone, title: string, tieKind: string, tieTargetId?: string) =>
    (await lead.ok(ADD, { i: { milestoneId: m.id, title, dueDate: m.dueDate, tieKind, tieTargetId, ownerId: memberIds[DEMO.editor] } })).addDeliverable as Deliverable;
  const round = async (title: string, extra: Record<string, unknown> = {}) =>
    (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`, { i: { workspaceId, title, scale: 'LIKERT_9', anonymous: true, criterionIds, ...extra } })).createRound.id as string;
  const version = async (name: string) => (await editor.ok(`mutation($d: ID!, $n: String!) { createVersion(documentId: $d, name: $n) { id } }`, { d: documentId, n: name })).createVersion.id as string;
  const review = async (versionId: string, title: string) =>
    (await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId, title, closesAt: new Date(Date.now() + 86_400_000).toISOString() } })).openReviewRound.id as string;
  const propose = async (title: string, extra: Record<string, unknown> = {}) =>
    (await editor.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: { workspaceId, title, statement: `${title}.`, rationale: '', ...extra } })).proposeDecision.id as string;

  beforeAll(async () => {
    server = await startServer({ env: { SCHEDULE_INTERVAL_MS: '200' } });
    const anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id documents { id } criteria { id } members { id user { email } } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    criterionIds = ws.criteria.slice(0, 2).map((c: { id: string }) => c.id);
    memberIds = Object.fromEntries(ws.members.map((m: { id: string; user: { email: string } }) => [m.user.email, m.id]));
    // A workspace of the editor's own, whose objects our plan must refuse.
    const ow = (await editor.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "UUK", sector: SECTOR_BODY }) { id myMembership { id } } }`)).createWorkspace;
    const od = (await editor.ok(`mutation($w: ID!) { createDocument(input: { workspaceId: $w, title: "Their draft" }) { id } }`, { w: ow.id })).createDocument.id;
    const om = (await editor.ok(CREATE_MILESTONE, { i: { workspaceId: ow.id, title: 'Theirs', startsOn: '2027-01-01', dueDate: '2027-12-31' } })).createMilestone.id;
    other = { workspaceId: ow.id, documentId: od, milestoneId: om, memberId: ow.myMembership.id };
  });
  afterAll(() => server?.close());

  it('seeds the February–May plan in the coming year: owners across the group, ties to the events that prove them, one gate', async () => {
    const y = planYear(new Date());
    const { milestones, meetings } = await plan(member);
    expect(milestones.map((m) => [m.title, m.startsOn, m.dueDate, m.gatesDraft])).toEqual([
      ['February: scope, literature and criteria', `${y}-02-01`, `${y}-02-28`, false],
      ['March–April: data collection and draft', `${y}-03-01`, `${y}-04-19`, true],
      ['May: final guidance', `${y}-04-20`, `${y}-05-31`, false],
    ]);
    for (const m of milestones) {
      expect(m.status).toBe('ON_TRACK');
      expect(m.statusReason).toMatch(/^\d+ of \d+ deliverables open, due in \d+ days$/);
      for (const d of m.deliverables) expect(d.dueDate >= m.startsOn && d.dueDate <= m.dueDate).toBe(true);
    }
    const all = milestones.flatMap((m) => m.deliverables);
    expect(all).toHaveLength(10);
    expect(new Set(all.map((d) => d.ownerName))).toEqual(new Set(['Priya Lead', 'Tom Editor', 'Hannah Okafor', 'Dr Nadia Shah']));
    const tie = (title: string) => all.find((d) => d.title.startsWith(title))!;
    expect(tie('Scope agreed')).toMatchObject({ tieKind: 'DECISION_AGREED', tieTargetId: meetings[0].id, ownerId: memberIds[DEMO.lead] });
    expect(tie('Guidance scope defined')).toMatchObject({ tieKind: 'VERSION_CREATED', tieTargetId: documentId });
    expect(tie('Criteria for models')).toMatchObject({ tieKind: 'ROUND_CLOSED', tieTargetId: null });
    expect(tie('Draft shared with selected stakeholders')).toMatchObject({ tieKind: 'REVIEW_ROUND_OPENED', tieTargetId: documentId });
    expect(tie('Draft shared with the Taskforce')).toMatchObject({ tieKind: 'VERSION_CREATED', tieTargetId: milestones[1].id });
    expect(tie('Existing literature')).toMatchObject({ tieKind: null, tieTargetId: null });
    expect(meetings.map((m) => [m.date, m.kind, m.milestoneId])).toEqual([
      [`${y}-02-02`, 'TASKFORCE', milestones[0].id],
      [`${y}-04-19`, 'TASKFORCE', milestones[1].id],
      [`${y}-05-31`, 'TASKFORCE', milestones[2].id],
    ]);
  });

  it('refuses a deliverable due outside its milestone, on a date that does not exist, or with a bad owner or tie; writes nothing', async () => {
    const feb = (await plan()).milestones[0];
    const before = await count('deliverables');
    const add = (extra: Record<string, unknown>) => lead.gql(ADD, { i: { milestoneId: feb.id, title: 'Extra', dueDate: feb.dueDate, ...extra } });
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ dueDate: `${feb.startsOn.slice(0, 4)}-03-01` }, 'input.dueDate', /must fall within its milestone, \d{4}-02-01 to \d{4}-02-28/],
      [{ dueDate: `${feb.startsOn.slice(0, 4)}-01-31` }, 'input.dueDate'],
      [{ dueDate: `${feb.startsOn.slice(0, 4)}-02-30` }, 'input.dueDate', /calendar date/],
      [{ title: '   ' }, 'input.title'],
      [{ ownerId: memberIds[DEMO.reviewer] }, 'input.ownerId', /reviewer or an observer/],
      [{ ownerId: other.memberId }, 'input.ownerId', /no such member/],
      [{ tieKind: 'VERSION_CREATED', tieTargetId: other.documentId }, 'input.tieTargetId', /document or gate milestone of this workspace/],
      [{ tieKind: 'DECISION_AGREED', tieTargetId: other.milestoneId }, 'input.tieTargetId'],
      [{ tieTargetId: documentId }, 'input.tieTargetId', /needs a tieKind/],
    ];
    for (const [extra, field, message] of cases) {
      const r = await add(extra);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      if (message) expect(r.errors![0].message).toMatch(message);
    }
    expect(codeOf(await member.gql(ADD, { i: { milestoneId: feb.id, title: 'Extra', dueDate: feb.dueDate } }))).toBe('FORBIDDEN');
    // A milestone of a workspace the lead is not in does not exist for them.
    expect(codeOf(await lead.gql(ADD, { i: { milestoneId: other.milestoneId, title: 'Extra', dueDate: '2027-06-01' } }))).toBe('NOT_FOUND');
    expect(await count('deliverables')).toBe(before);
  });

  it('keeps every deliverable inside its milestone when the milestone moves, and the range itself in order', async () => {
    const feb = (await plan()).milestones[0];
    const r = await lead.gql(`mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id } }`, { i: { id: feb.id, dueDate: feb.dueDate.replace(/-28$/, '-20') } });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect(r.errors![0].message).toMatch(/“Criteria for models of good practice agreed” \(due \d{4}-02-27\) and 1 more would fall outside/);
    const backwards = await lead.gql(CREATE_MILESTONE, { i: { workspaceId, title: 'Backwards', startsOn: '2027-03-01', dueDate: '2027-02-01' } });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect((await plan()).milestones[0].dueDate).toBe(feb.dueDate);
  });

  it('the risk window is configurable per milestone: a wide one puts the seeded February milestone AT_RISK', async () => {
    const feb = (await plan()).milestones[0];
    const days = Number(/due in (\d+) days/.exec(feb.statusReason)![1]);
    const set = (n: number) => lead.gql(`mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { status statusReason riskWindowDays } }`, { i: { id: feb.id, riskWindowDays: n } });
    expect((await set(days - 1)).data!.updateMilestone).toMatchObject({ status: 'ON_TRACK', riskWindowDays: days - 1 });
    expect((await set(days)).data!.updateMilestone).toMatchObject({ status: 'AT_RISK', statusReason: `5 of 5 deliverables open, due in ${days} days` });
    expect((await set(366)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.riskWindowDays' });
    expect((await lead.gql(`mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id } }`, { i: { id: feb.id, riskWindowDays: null } })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.riskWindowDays' });
    expect((await lead.gql(UPDATE, { i: { id: feb.deliverables[0].id, title: null } })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    await set(14);
  });

  it('its owner or a lead ticks a deliverable; another member cannot; opening it again makes the milestone open again', async () => {
    const may = (await plan()).milestones[2];
    const finalised = may.deliverables[0]; // owned by the editor
    expect(codeOf(await member.gql(TICK, { id: finalised.id, done: true }))).toBe('FORBIDDEN');
    expect((await editor.ok(TICK, { id: finalised.id, done: true })).setDeliverableDone).toMatchObject({ done: true, proof: null });
    await lead.ok(TICK, { id: may.deliverables[1].id, done: true });
    expect((await plan()).milestones[2]).toMatchObject({ status: 'DONE', statusReason: 'All 2 deliverables done' });
    await lead.ok(TICK, { id: finalised.id, done: false });
    expect((await plan()).milestones[2]).toMatchObject({ status: 'ON_TRACK', statusReason: expect.stringMatching(/^1 of 2 deliverables open/) });
    await lead.ok(TICK, { id: may.deliverables[1].id, done: false });
  });

  it('an overdue deliverable puts its milestone at risk, and a passed due date makes it late', async () => {
    const m = (await plan()).milestones[1];
    await server.db.query(`UPDATE milestones SET starts_on = current_date - 30 WHERE id = $1`, [m.id]);
    await server.db.query(`UPDATE deliverables SET due_on = current_date - 3 WHERE id = $1`, [m.deliverables[0].id]);
    let now = (await plan()).milestones.find((x) => x.id === m.id)!;
    expect(now.status).toBe('AT_RISK');
    expect(now.statusReason).toMatch(/^“Data collection from the models finalised” is 3 days overdue; 3 of 3 deliverables open, due in \d+ days$/);
    expect(now.deliverables.find((d) => d.id === m.deliverables[0].id)!.overdue).toBe(true);
    await server.db.query(`UPDATE deliverables SET due_on = current_date - 1 WHERE milestone_id = $1`, [m.id]);
    await server.db.query(`UPDATE milestones SET due_on = current_date - 1 WHERE id = $1`, [m.id]);
    now = (await plan()).milestones.find((x) => x.id === m.id)!;
    expect(now).toMatchObject({ status: 'LATE', statusReason: '3 of 3 deliverables open, due 1 day ago' });
    await server.db.query(`UPDATE deliverables d SET due_on = x.due_on FROM (VALUES ($1::uuid, $2::date), ($3::uuid, $4::date), ($5::uuid, $6::date)) x(id, due_on) WHERE d.id = x.id`, m.deliverables.flatMap((d) => [d.id, d.dueDate]));
    await server.db.query(`UPDATE milestones SET starts_on = $2, due_on = $3 WHERE id = $1`, [m.id, m.startsOn, m.dueDate]);
    expect((await plan()).milestones.find((x) => x.id === m.id)!.status).toBe('ON_TRACK');
  });

  describe('ticks itself when the event that proves it happens', () => {
    it('a consensus round closed: any round, or the round it names; and the seeded "criteria agreed"', async () => {
      const m = await milestone('Rounds');
      const named = await round('Named round');
      const anyRound = await tied(m, 'Any round closed', 'ROUND_CLOSED');
      const thatRound = await tied(m, 'The named round closed', 'ROUND_CLOSED', named);
      const first = await round('Criteria, round 1');
      await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: first });
      expect((await deliverable(anyRound.id)).done).toBe(false);
      await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: first });
      expect((await deliverable(anyRound.id)).proof).toEqual({ kind: 'ROUND_CLOSED', id: first, label: 'Round “Criteria, round 1” closed' });
      expect((await deliverable(thatRound.id)).done).toBe(false);
      expect((await byTitle('Criteria for models of good practice agreed')).proof).toMatchObject({ kind: 'ROUND_CLOSED', id: first });
      await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: named });
      await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: named });
      expect((await deliverable(thatRound.id)).proof).toMatchObject({ kind: 'ROUND_CLOSED', id: named });
      // A deliverable already done keeps the proof of the event that ticked it.
      expect((await deliverable(anyRound.id)).proof!.id).toBe(first);
    });

    it('a round closed by the scheduler at its closing time', async () => {
      const m = await milestone('Scheduled');
      const timed = await round('Timed round', { closesAt: new Date(Date.now() + 2500).toISOString() });
      const d = await tied(m, 'Timed round closed', 'ROUND_CLOSED', timed);
      await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: timed });
      let proof: Deliverable['proof'] = null;
      const end = Date.now() + 10_000;
      while (!proof && Date.now() < end) {
        proof = (await deliverable(d.id)).proof;
        if (!proof) await new Promise((r) => setTimeout(r, 200));
      }
      expect(proof).toEqual({ kind: 'ROUND_CLOSED', id: timed, label: 'Round “Timed round” closed' });
      const audit = await server.db.query(`SELECT data->>'automatic' AS automatic FROM audit_events WHERE target_id = $1 AND action = 'round.closed'`, [timed]);
      expect(audit.rows).toEqual([{ automatic: 'true' }]);
    });

    it('a version created of the document it names; and the seeded "guidance scope defined"', async () => {
      const m = await milestone('Versions');
      const ours = await tied(m, 'Outline saved', 'VERSION_CREATED', documentId);
      const theirs = await tied(m, 'A version of another document', 'VERSION_CREATED', (await lead.ok(`mutation($w: ID!) { createDocument(input: { workspaceId: $w, title: "Annex" }) { id } }`, { w: workspaceId })).createDocument.id);
      const v = await version('Outline agreed');
      expect((await deliverable(ours.id)).proof).toEqual({ kind: 'VERSION_CREATED', id: v, label: 'Version “Outline agreed” of “Guidance on joint working for student mental health (draft)” saved' });
      expect((await deliverable(theirs.id)).done).toBe(false);
      expect((await byTitle('Guidance scope defined: structure, audience, purpose')).proof).toMatchObject({ kind: 'VERSION_CREATED', id: v });
      // The gate's version (below) is not what the Taskforce deliverable waits for yet.
      expect((await byTitle('Draft shared with the Taskforce for comment')).done).toBe(false);
    });

    it('a review round opened on the document, and a review round closed', async () => {
      const m = await milestone('Reviews');
      const opened = await tied(m, 'Stakeholder review opened', 'REVIEW_ROUND_OPENED', documentId);
      const closedAny = await tied(m, 'A review closed', 'REVIEW_ROUND_CLOSED');
      const v = await version('For review');
      const r = await review(v, 'Early stakeholder review');
      expect((await deliverable(opened.id)).proof).toEqual({ kind: 'REVIEW_ROUND_OPENED', id: r, label: 'Review round “Early stakeholder review” opened on “For review”' });
      expect((await deliverable(closedAny.id)).done).toBe(false);
      const closedThis = await tied(m, 'This review closed', 'REVIEW_ROUND_CLOSED', r);
      await editor.ok(`mutation($id: ID!) { closeReviewRound(id: $id) { id } }`, { id: r });
      for (const d of [closedAny, closedThis]) expect((await deliverable(d.id)).proof).toEqual({ kind: 'REVIEW_ROUND_CLOSED', id: r, label: 'Review round “Early stakeholder review” closed with 0 comments' });
      // The seeded "shared with selected stakeholders" is tied to a review round of the draft opening.
      expect((await byTitle('Draft shared with selected stakeholders')).proof).toMatchObject({ kind: 'REVIEW_ROUND_OPENED', id: r });
    });

    it('a decision agreed: at the meeting it names, on the milestone it names, or the decision itself; and the seeded "scope agreed at the Taskforce meeting"', async () => {
      const m = await milestone('Decisions');
      const meetings = (await plan()).meetings;
      const atMeeting = await tied(m, 'Agreed at the scope meeting', 'DECISION_AGREED', meetings[0].id);
      const onMilestone = await tied(m, 'Agreed for this milestone', 'DECISION_AGREED', m.id);
      const plain = await propose('Agreed by the lead alone');
      await lead.ok(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: plain });
      expect((await deliverable(atMeeting.id)).done).toBe(false);
      expect((await deliverable(onMilestone.id)).done).toBe(false);
      const scope = await propose('Scope of the guidance');
      await lead.ok(`mutation($id: ID!, $m: ID) { agreeDecision(id: $id, meetingId: $m) { status } }`, { id: scope, m: meetings[0].id });
      const proof = (await deliverable(atMeeting.id)).proof!;
      expect(proof).toMatchObject({ kind: 'DECISION_AGREED', id: scope });
      expect(proof.label).toMatch(/^D-\d{3} agreed at “Taskforce meeting: agree the scope”: Scope of the guidance$/);
      expect((await byTitle('Scope agreed at the Taskforce meeting')).proof).toMatchObject({ kind: 'DECISION_AGREED', id: scope });
      const forMilestone = await propose('For the milestone', { milestoneId: m.id });
      const specific = await tied(m, 'That decision agreed', 'DECISION_AGREED', forMilestone);
      await lead.ok(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: forMilestone });
      expect((await deliverable(onMilestone.id)).proof).toMatchObject({ id: forMilestone });
      expect((await deliverable(specific.id)).proof).toMatchObject({ id: forMilestone });
    });

    it('ticking again by hand forgets the proof; an event does not tick a deliverable whose tie is removed', async () => {
      const m = await milestone('Untied');
      const d = await tied(m, 'Untie me', 'VERSION_CREATED', documentId);
      const r = await lead.gql(UPDATE, { i: { id: d.id, tieKind: null } });
      expect(r.data!.updateDeliverable).toMatchObject({ tieKind: null, tieTargetId: null });
      await version('After untying');
      expect((await deliverable(d.id)).done).toBe(false);
      const t = await tied(m, 'Tied', 'VERSION_CREATED');
      await version('Ticks it');
      expect((await deliverable(t.id)).proof).not.toBeNull();
      await lead.ok(TICK, { id: t.id, done: false });
      expect(await deliverable(t.id)).toMatchObject({ done: false, proof: null });
    });
  });

  describe('the gate', () => {
    const gateInput = (milestoneId: string, extra: Record<string, unknown> = {}) => ({ i: { milestoneId, documentId, versionName: 'Draft for Taskforce 19 April', ...extra } });

    const seeded = async () => {
      const { milestones } = await plan();
      return [0, 1, 2].map((i) => milestones.find((m) => m.title === ['February: scope, literature and criteria', 'March–April: data collection and draft', 'May: final guidance'][i])!);
    };

    it('refuses members, milestones that do not gate, documents of another workspace and a review closing in the past; writes nothing', async () => {
      const milestones = await seeded();
      const versions = await count('document_versions');
      const activity = await count('activity_events');
      expect(codeOf(await member.gql(GATE, gateInput(milestones[1].id)))).toBe('FORBIDDEN');
      expect(codeOf(await observer.gql(GATE, gateInput(milestones[1].id)))).toBe('FORBIDDEN');
      expect(codeOf(await reviewer.gql(GATE, gateInput(milestones[1].id)))).toBe('FORBIDDEN');
      expect((await editor.gql(GATE, gateInput(milestones[0].id))).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_GATE' });
      expect((await editor.gql(GATE, gateInput(milestones[1].id, { documentId: other.documentId }))).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentId' });
      // The version is made first in the transaction; the review round's own check then fails and takes it back.
      const past = await editor.gql(GATE, gateInput(milestones[1].id, { openReview: { closesAt: new Date(Date.now() - 60_000).toISOString() } }));
      expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.openReview.closesAt' });
      expect(await count('document_versions')).toBe(versions);
      expect(await count('activity_events')).toBe(activity);
      const after = (await seeded())[1];
      expect(after).toMatchObject({ gateTriggeredAt: null, gateVersionId: null });
      expect(after.deliverables.find((d) => d.title.startsWith('Draft shared with the Taskforce'))!.done).toBe(false);
    });

    it('an editor triggers it: a named version is frozen, the stakeholder review opens from it, and the Taskforce deliverable ticks; once only', async () => {
      const gate = (await seeded())[1];
      const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const r = await editor.ok(GATE, gateInput(gate.id, { openReview: { closesAt } }));
      const m: Milestone = r.triggerMilestoneGate;
      expect(m.gateTriggeredAt).not.toBeNull();
      const v = await editor.ok(`query($d: ID!) { document(id: $d) { versions { id name } } }`, { d: documentId });
      expect(v.document.versions.find((x: { id: string }) => x.id === m.gateVersionId)).toMatchObject({ name: 'Draft for Taskforce 19 April' });
      const rr = await editor.ok(`query($id: ID!) { reviewRound(id: $id) { title status closesAt } }`, { id: m.gateReviewRoundId });
      expect(rr.reviewRound).toMatchObject({ title: 'Stakeholder review: Draft for Taskforce 19 April', status: 'OPEN', closesAt });
      expect((await server.db.query('SELECT version_id FROM review_rounds WHERE id = $1', [m.gateReviewRoundId])).rows[0].version_id).toBe(m.gateVersionId);
      expect(m.deliverables.find((d) => d.title === 'Draft shared with the Taskforce for comment')!.proof).toEqual({
        kind: 'VERSION_CREATED',
        id: m.gateVersionId,
        label: 'Version “Draft for Taskforce 19 April” of “Guidance on joint working for student mental health (draft)” saved',
      });
      const again = await lead.gql(GATE, gateInput(gate.id, { versionName: 'Again' }));
      expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GATE_TRIGGERED' });
      expect((await server.db.query(`SELECT count(*)::int AS n FROM document_versions WHERE name = 'Again'`)).rows[0].n).toBe(0);
    });

    it('two editors triggering at once freeze one version', async () => {
      const m = await milestone('Second gate', { gatesDraft: true });
      const results = await Promise.all([editor.gql(GATE, gateInput(m.id, { versionName: 'Race A' })), lead.gql(GATE, gateInput(m.id, { versionName: 'Race B' }))]);
      expect(results.filter((x) => !x.errors)).toHaveLength(1);
      expect(results.filter((x) => codeOf(x) === 'CONFLICT')).toHaveLength(1);
      expect((await server.db.query(`SELECT count(*)::int AS n FROM document_versions WHERE name IN ('Race A', 'Race B')`)).rows[0].n).toBe(1);
    });
  });
});
