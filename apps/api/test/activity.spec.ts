// The activity feed against real PostgreSQL and over graphql-ws: every kind of workspace event reaches
// the workspace's members as it commits, and nobody else — not reviewers, not members of another
// workspace, not signed-out sockets, not a member whose access ends — and nothing that rolled back.
import { createHmac, randomBytes } from 'node:crypto';
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { Client, connectClient, eventually } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';
import { Collected, subscribe } from './support/subscriptions';

const SECRET = 'activity-test-secret-0123456789abcdef0123456789';
const ACTIVITY = `subscription($w: ID!) { activity(workspaceId: $w) { id kind label targetId actorName createdAt workspaceId } }`;
const FEED = `query($w: ID!, $limit: Int, $before: ID) { workspace(id: $w) { activity(limit: $limit, before: $before) { id kind label targetId actorName } } }`;

interface Event {
  id: string;
  kind: string;
  label: string;
  targetId: string | null;
  actorName: string | null;
  workspaceId: string;
}
type Feed = Collected<{ activity: Event }>;

describe('the activity feed', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api, outsider: Api;
  let workspaceId: string, documentId: string, outsiderWorkspace: string;
  let meetingIds: string[];
  let memberIds: Record<string, string>;
  let writer: Client;
  const feeds: Feed[] = [];

  const kinds = (f: Feed) => f.events.map((e) => e.activity.kind);
  const open = (token: string | undefined, w = workspaceId) => {
    const f: Feed = subscribe(server.url, ACTIVITY, { w }, { token });
    feeds.push(f);
    return f;
  };
  /** Waits until every feed that should hear has heard `n` events in all. */
  const heard = (fs: Feed[], n: number) => eventually(() => fs.every((f) => f.events.length >= n), `${n} events`);
  /** A probe event, to know the subscriptions are live before the real ones. */
  const probe = async (fs: Feed[]) => {
    const start = Date.now();
    while (Date.now() - start < 10_000) {
      await editor.ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { workspaceId, title: 'Probe', kind: 'WORKING_GROUP', date: '2027-03-03' } });
      await new Promise((r) => setTimeout(r, 150));
      if (fs.every((f) => f.events.length > 0)) return;
    }
    throw new Error('subscriptions never started');
  };

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET: SECRET } });
    anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id documents { id } meetings { id } members { id user { email } } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    meetingIds = ws.meetings.map((m: { id: string }) => m.id);
    memberIds = Object.fromEntries(ws.members.map((m: { id: string; user: { email: string } }) => [m.user.email, m.id]));
    // Someone with an account and a workspace of their own, but not in ours.
    const u = await server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ('outsider@example.org', 'Otto Outsider', 'x') RETURNING id`);
    const token = randomBytes(32).toString('base64url');
    await server.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [u.rows[0].id, createHmac('sha256', SECRET).update(token).digest('hex')]);
    outsider = anon.as(token);
    outsiderWorkspace = (await outsider.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "Elsewhere", sector: OTHER }) { id } }`)).createWorkspace.id;
    writer = await connectClient(server.url, documentId, editor.token!);
  });
  afterAll(async () => {
    for (const f of feeds) await f.stop();
    writer?.destroy();
    await server?.close();
  });

  it('reaches members with every kind of event as it commits, in order; reviewers, outsiders and signed-out sockets get nothing', async () => {
    const memberFeed = open(member.token);
    const observerFeed = open(observer.token);
    const reviewerFeed = open(reviewer.token);
    const outsiderFeed = open(outsider.token);
    const signedOut = open(undefined);
    const outsidersOwn = open(outsider.token, outsiderWorkspace);
    await probe([memberFeed, observerFeed]);
    await eventually(() => reviewerFeed.errors.length > 0 && outsiderFeed.errors.length > 0 && signedOut.errors.length > 0, 'the refusals');
    expect(reviewerFeed.errors[0].extensions?.code).toBe('FORBIDDEN');
    expect(outsiderFeed.errors[0].extensions?.code).toBe('NOT_FOUND');
    expect(signedOut.errors[0].extensions?.code).toBe('UNAUTHENTICATED');
    memberFeed.events.length = 0;
    observerFeed.events.length = 0;

    // Decisions: proposed, agreed at the 2 February meeting (ticking "scope agreed"), superseded.
    const d = (await editor.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref } }`, { i: { workspaceId, title: 'Scope of the guidance', statement: 'HE in England.', rationale: '' } })).proposeDecision;
    await lead.ok(`mutation($id: ID!, $m: ID) { agreeDecision(id: $id, meetingId: $m) { id } }`, { id: d.id, m: meetingIds[0] });
    const next = (await lead.ok(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { id ref } }`, { id: d.id, i: { workspaceId, title: 'Scope, revised', statement: 'HE and FE in England.', rationale: '' } })).supersedeDecision;
    // A consensus round opened and closed (ticking "criteria agreed").
    const criterionIds = (await lead.ok(`query($w: ID!) { workspace(id: $w) { criteria { id } } }`, { w: workspaceId })).workspace.criteria.slice(0, 1).map((c: { id: string }) => c.id);
    const round = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`, { i: { workspaceId, title: 'Criteria, round 1', scale: 'LIKERT_9', anonymous: true, criterionIds } })).createRound.id;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: round });
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: round });
    // A version (ticking "scope defined"), a review round opened on it (ticking "shared with stakeholders"), a comment, the round closed.
    const version = (await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Draft for stakeholders") { id } }`, { d: documentId })).createVersion.id;
    const review = (await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: version, title: 'Stakeholder review', closesAt: new Date(Date.now() + 86_400_000).toISOString() } })).openReviewRound.id;
    const quote = 'Information sharing and consent';
    const start = linearText(writer.doc).text.indexOf(quote);
    const annotation = (await member.ok(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, { i: { documentId, kind: 'QUESTION', body: 'Which consent model?', quote, anchor: anchorFromOffsets(writer.doc, start, start + quote.length) } })).addAnnotation.id;
    await editor.ok(`mutation($id: ID!) { closeReviewRound(id: $id) { id } }`, { id: review });
    // A deliverable ticked by hand, and a meeting scheduled.
    const literature = (await lead.ok(`query($w: ID!) { workspace(id: $w) { milestones { deliverables { id title } } } }`, { w: workspaceId })).workspace.milestones[0].deliverables.find((x: { title: string }) => x.title.startsWith('Existing literature')).id;
    await member.ok(`mutation($id: ID!) { setDeliverableDone(id: $id, done: true) { done } }`, { id: literature });
    await editor.ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { workspaceId, title: 'Case studies', kind: 'WORKING_GROUP', date: '2027-03-10' } });
    // Something in another workspace reaches its own members only.
    await outsider.ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { workspaceId: outsiderWorkspace, title: 'Theirs', kind: 'WORKING_GROUP', date: '2027-03-10' } });

    const expected = [
      'DECISION_PROPOSED',
      'DECISION_AGREED',
      'DELIVERABLE_DONE',
      'DECISION_SUPERSEDED',
      'DECISION_AGREED',
      'ROUND_OPENED',
      'ROUND_CLOSED',
      'DELIVERABLE_DONE',
      'VERSION_CREATED',
      'DELIVERABLE_DONE',
      'REVIEW_ROUND_OPENED',
      'DELIVERABLE_DONE',
      'ANNOTATION_ADDED',
      'REVIEW_ROUND_CLOSED',
      'DELIVERABLE_DONE',
      'MEETING_SCHEDULED',
    ];
    await heard([memberFeed, observerFeed], expected.length);
    await eventually(() => outsidersOwn.events.length > 0, 'the outsider’s own event');
    await new Promise((r) => setTimeout(r, 300));
    expect(kinds(memberFeed)).toEqual(expected);
    expect(kinds(observerFeed)).toEqual(expected);
    const e = memberFeed.events.map((x) => x.activity);
    expect(e.every((x) => x.workspaceId === workspaceId)).toBe(true);
    expect(e[0]).toMatchObject({ targetId: d.id, actorName: 'Tom Editor', label: `${d.ref} proposed: Scope of the guidance` });
    expect(e[1]).toMatchObject({ targetId: d.id, actorName: 'Priya Lead', label: `${d.ref} agreed at “Taskforce meeting: agree the scope”: Scope of the guidance` });
    expect(e[2].label).toBe(`“Scope agreed at the Taskforce meeting” done: ${d.ref} agreed at “Taskforce meeting: agree the scope”: Scope of the guidance`);
    expect(e[3]).toMatchObject({ targetId: d.id, label: `${d.ref} superseded by ${next.ref}: Scope, revised` });
    expect(e[4]).toMatchObject({ targetId: next.id, label: `${next.ref} agreed: Scope, revised` });
    expect(e[6]).toMatchObject({ targetId: round, label: 'Round “Criteria, round 1” closed' });
    expect(e[7].label).toBe('“Criteria for models of good practice agreed” done: Round “Criteria, round 1” closed');
    expect(e[8]).toMatchObject({ targetId: version, label: 'Version “Draft for stakeholders” of “Guidance on joint working for student mental health (draft)” saved' });
    expect(e[10]).toMatchObject({ targetId: review, label: 'Review round “Stakeholder review” opened on “Draft for stakeholders”' });
    expect(e[12]).toMatchObject({ targetId: annotation, actorName: 'Hannah Okafor', label: 'Question on “Common challenges”' });
    expect(e[13]).toMatchObject({ targetId: review, label: 'Review round “Stakeholder review” closed with 0 comments' });
    expect(e[14]).toMatchObject({ targetId: literature, actorName: 'Hannah Okafor', label: '“Existing literature collated and mapped against the guidance” ticked done' });
    // Nothing of ours went elsewhere, and nothing of theirs came here.
    expect(reviewerFeed.events).toEqual([]);
    expect(outsiderFeed.events).toEqual([]);
    expect(signedOut.events).toEqual([]);
    expect(outsidersOwn.events.map((x) => x.activity.label)).toEqual(['Working group meeting “Theirs” scheduled for 2027-03-10']);
  });

  it('publishes nothing for a change that rolled back', async () => {
    const feed = open(member.token);
    await probe([feed]);
    feed.events.length = 0;
    const gate = (await lead.ok(`query($w: ID!) { workspace(id: $w) { milestones { id gatesDraft } } }`, { w: workspaceId })).workspace.milestones.find((m: { gatesDraft: boolean }) => m.gatesDraft).id;
    // The version is written first in the gate's transaction; the review round's check then fails.
    const failed = await editor.gql(`mutation($i: TriggerMilestoneGateInput!) { triggerMilestoneGate(input: $i) { id } }`, {
      i: { milestoneId: gate, documentId, versionName: 'Never frozen', openReview: { closesAt: new Date(Date.now() - 1000).toISOString() } },
    });
    expect(codeOf(failed)).toBe('BAD_USER_INPUT');
    await editor.ok(`mutation($i: TriggerMilestoneGateInput!) { triggerMilestoneGate(input: $i) { id } }`, { i: { milestoneId: gate, documentId, versionName: 'Draft for Taskforce 19 April' } });
    await heard([feed], 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.events.map((x) => x.activity.label)).toEqual([
      'Version “Draft for Taskforce 19 April” of “Guidance on joint working for student mental health (draft)” saved',
      '“Draft shared with the Taskforce for comment” done: Version “Draft for Taskforce 19 April” of “Guidance on joint working for student mental health (draft)” saved',
      'Gate of “March–April: data collection and draft”: version “Draft for Taskforce 19 April” frozen',
    ]);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM activity_events WHERE label LIKE '%Never frozen%'`)).rows[0].n).toBe(0);
  });

  it('stops at once for a member whose access ends while subscribed', async () => {
    const feed = open(observer.token);
    await probe([feed]);
    await lead.ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: REVIEWER) { role } }`, { m: memberIds[DEMO.observer] });
    const before = feed.events.length;
    await editor.ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { workspaceId, title: 'After the change', kind: 'WORKING_GROUP', date: '2027-03-11' } });
    const control = open(member.token);
    await probe([control]);
    expect(feed.events.length).toBe(before);
    expect(feed.events.some((x) => x.activity.label.includes('After the change'))).toBe(false);
    await lead.ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: OBSERVER) { role } }`, { m: memberIds[DEMO.observer] });
  });

  it('records reviewers’ comments, restored versions and deliverables opened again, still for members only', async () => {
    const feed = open(member.token);
    const reviewerFeed = open(reviewer.token);
    await probe([feed]);
    feed.events.length = 0;
    const version = (await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Second look") { id } }`, { d: documentId })).createVersion.id;
    const roundId = (await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: version, title: 'Second review', closesAt: new Date(Date.now() + 86_400_000).toISOString() } })).openReviewRound.id;
    await editor.ok(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { email } }`, { i: { roundId, email: DEMO.reviewer, organisation: 'Association of Colleges', sector: 'OTHER' } });
    const state = (await reviewer.ok(`query($id: ID!) { reviewRound(id: $id) { versionState } }`, { id: roundId })).reviewRound.versionState;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, 'base64'));
    const quote = 'Students in higher education in England';
    const start = linearText(doc).text.indexOf(quote);
    const comment = (await reviewer.ok(`mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, { i: { roundId, kind: 'COMMENT', quote, body: 'And FE?', anchor: anchorFromOffsets(doc, start, start + quote.length) } })).addReviewAnnotation.id;
    doc.destroy();
    await lead.ok(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: version });
    const literature = (await lead.ok(`query($w: ID!) { workspace(id: $w) { milestones { deliverables { id title } } } }`, { w: workspaceId })).workspace.milestones
      .flatMap((m: { deliverables: { id: string; title: string }[] }) => m.deliverables)
      .find((x: { title: string }) => x.title.startsWith('Existing literature')).id;
    await lead.ok(`mutation($id: ID!) { setDeliverableDone(id: $id, done: false) { done } }`, { id: literature });
    await heard([feed], 5);
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.events.map((x) => [x.activity.kind, x.activity.targetId, x.activity.label])).toEqual([
      ['VERSION_CREATED', version, 'Version “Second look” of “Guidance on joint working for student mental health (draft)” saved'],
      ['REVIEW_ROUND_OPENED', roundId, 'Review round “Second review” opened on “Second look”'],
      ['ANNOTATION_ADDED', comment, 'Comment on “Scope” in review round “Second review”'],
      ['VERSION_RESTORED', version, 'Version “Second look” restored'],
      ['DELIVERABLE_REOPENED', literature, '“Existing literature collated and mapped against the guidance” opened again'],
    ]);
    expect(feed.events[2].activity.actorName).toBe('Rui Reviewer');
    expect(reviewerFeed.events).toEqual([]);
  });

  it('keeps the history for members, newest first, with pages; others get an error', async () => {
    const all = (await member.ok(FEED, { w: workspaceId, limit: 200 })).workspace.activity as Event[];
    expect(all.length).toBeGreaterThan(20);
    const ids = all.map((x) => BigInt(x.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(all.find((x) => x.kind === 'DECISION_PROPOSED')).toMatchObject({ actorName: 'Tom Editor' });
    const first = (await observer.ok(FEED, { w: workspaceId, limit: 5 })).workspace.activity as Event[];
    const second = (await observer.ok(FEED, { w: workspaceId, limit: 5, before: first[4].id })).workspace.activity as Event[];
    expect([...first, ...second].map((x) => x.id)).toEqual(all.slice(0, 10).map((x) => x.id));
    expect(codeOf(await member.gql(FEED, { w: workspaceId, before: 'abc' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await reviewer.gql(FEED, { w: workspaceId }))).toBe('FORBIDDEN');
    expect((await outsider.gql(FEED, { w: workspaceId })).data).toEqual({ workspace: null });
    expect(codeOf(await anon.gql(FEED, { w: workspaceId }))).toBe('UNAUTHENTICATED');
    // Ballots never appear, only that a round opened or closed.
    expect(all.every((x) => !/ballot|voted|rated/i.test(x.label))).toBe(true);
  });
});
