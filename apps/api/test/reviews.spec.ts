// Stakeholder review rounds: a version shared with reviewers invited by link, their access ending at
// the closing time, comments carried onto the live draft at close, triage and its export.
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, text } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const ROUND = `query($id: ID!) { reviewRound(id: $id) { id title status versionState versionSections { title } summary { total byKind { key n } bySector { key n } carried { key n } } annotations { id quote status carried triage { response reason } } } }`;

describe('review rounds', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api, demoReviewer: Api;
  let workspaceId: string, documentId: string, roundId: string;
  let live: Client;
  const ids: Record<string, string> = {};

  const versionDoc = async (who: Api) => {
    const r = await who.ok(ROUND, { id: roundId });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(r.reviewRound.versionState, 'base64'));
    return doc;
  };
  const comment = async (who: Api, quote: string, body: string) => {
    const doc = await versionDoc(who);
    const start = linearText(doc).text.indexOf(quote);
    const anchor = anchorFromOffsets(doc, start, start + quote.length);
    doc.destroy();
    return who.gql(`mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id status } }`, { i: { roundId, kind: 'COMMENT', anchor, quote, body } });
  };
  const liveText = (t: string) =>
    (live.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((e) => e.get(0)).find((x) => x instanceof Y.XmlText && x.toString().includes(t)) as Y.XmlText;

  beforeAll(async () => {
    server = await startServer();
    anon = new Api(server.url);
    [lead, editor, member, observer, demoReviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id documents { id } } }`);
    workspaceId = ws.workspaces[0].id;
    documentId = ws.workspaces[0].documents[0].id;
    live = await connectClient(server.url, documentId, editor.token!);
    appendParagraph(live.doc, 'Partnerships should agree a shared referral form between the university and the trust.');
    appendParagraph(live.doc, 'A single named contact in each organisation makes escalation quicker.');
    appendParagraph(live.doc, 'This sentence will be removed before the round closes.');
    await new Promise((r) => setTimeout(r, 200));
  });
  afterAll(async () => {
    live?.destroy();
    await server?.close();
  });

  it('an editor opens a round on a named version; the closing time must be ahead', async () => {
    const v = await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Draft for stakeholders") { id } }`, { d: documentId });
    const past = await editor.gql(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: v.createVersion.id, title: 'x', closesAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0].extensions!.field).toBe('input.closesAt');
    expect(codeOf(await member.gql(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: v.createVersion.id, title: 'x', closesAt: new Date(Date.now() + 3_600_000).toISOString() } }))).toBe('FORBIDDEN');
    const r = await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id status } }`, { i: { versionId: v.createVersion.id, title: 'Stakeholder review, March', closesAt: new Date(Date.now() + 3_600_000).toISOString() } });
    roundId = r.openReviewRound.id;
    expect(r.openReviewRound.status).toBe('OPEN');
  });

  it('invites a stakeholder by link, and adds an existing reviewer directly', async () => {
    const inv = await editor.ok(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { email link } }`, { i: { roundId, email: 'stakeholder@nhs.example', organisation: 'An NHS trust', sector: 'NHS' } });
    expect(inv.inviteReviewer.link).toMatch(/\/invite\//);
    const joined = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token workspaceId } }`, { i: { token: inv.inviteReviewer.link.split('/invite/')[1], name: 'Sam Stakeholder', password: 'a-long-password-1' } });
    expect(joined.acceptInvitation.workspaceId).toBe(workspaceId);
    reviewer = anon.as(joined.acceptInvitation.token);
    const direct = await editor.ok(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { link } }`, { i: { roundId, email: DEMO.reviewer, organisation: 'Association of Colleges', sector: 'OTHER' } });
    expect(direct.inviteReviewer.link).toBeNull();
  });

  it('a reviewer sees only the shared version, read-only, and nothing else of the workspace', async () => {
    const r = await reviewer.ok(ROUND, { id: roundId });
    expect(r.reviewRound.versionSections.map((s: { title: string }) => s.title)).toContain('Common challenges');
    const doc = await versionDoc(reviewer);
    expect(text(doc)).toContain('shared referral form');
    doc.destroy();
    const ws = await reviewer.gql(`query($id: ID!) { workspace(id: $id) { name reviewRounds { id } } }`, { id: workspaceId });
    expect(ws.data!.workspace.reviewRounds.map((x: { id: string }) => x.id)).toEqual([roundId]);
    for (const field of ['members { id }', 'documents { id }', 'criteria { id }', 'sources { id }']) {
      expect(codeOf(await reviewer.gql(`query($id: ID!) { workspace(id: $id) { ${field} } }`, { id: workspaceId }))).toBe('FORBIDDEN');
    }
    expect((await reviewer.ok(`query($id: ID!) { document(id: $id) { id } }`, { id: documentId })).document).toBeNull();
  });

  it('reviewers annotate the shared version; comments are checked against it', async () => {
    for (const [key, who, quote] of [
      ['exact', reviewer, 'A single named contact in each organisation'],
      ['fuzzy', reviewer, 'Partnerships should agree a shared referral form between the university and the trust'],
      ['gone', demoReviewer, 'This sentence will be removed before the round closes.'],
    ] as const) {
      const r = await comment(who, quote, `Comment on ${key}`);
      expect(r.errors).toBeUndefined();
      ids[key] = r.data!.addReviewAnnotation.id;
    }
    const bad = await reviewer.gql(`mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, { i: { roundId, kind: 'COMMENT', anchor: 'x.y', quote: 'nothing', body: 'x' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    // A reviewer sees their own comments only; the group sees them all.
    const own = (await reviewer.ok(`query($id: ID!) { reviewRound(id: $id) { annotations { authorName } } }`, { id: roundId })).reviewRound.annotations;
    expect(own).toEqual([{ authorName: 'Sam Stakeholder' }, { authorName: 'Sam Stakeholder' }]);
    expect((await observer.ok(ROUND, { id: roundId })).reviewRound.annotations).toHaveLength(3);
    expect(codeOf(await observer.gql(`mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, { i: { roundId, kind: 'COMMENT', anchor: 'x.y', quote: 'q', body: 'x' } }))).toBe('FORBIDDEN');
  });

  it('triage waits for the close', async () => {
    const r = await editor.gql(`mutation($a: ID!) { respondToReviewComment(annotationId: $a, response: ACCEPTED, reason: "x") { response } }`, { a: ids.exact });
    expect(codeOf(r)).toBe('CONFLICT');
  });

  it('reviewer access ends at the closing time, checked on each request', async () => {
    await server.db.query(`UPDATE review_rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [roundId]);
    expect((await reviewer.ok(ROUND, { id: roundId })).reviewRound).toBeNull();
    expect((await reviewer.ok(`query($id: ID!) { workspace(id: $id) { reviewRounds { id } } }`, { id: workspaceId })).workspace.reviewRounds).toEqual([]);
    const late = await comment(editor, 'A single named contact', 'editor comment after closing time');
    expect(codeOf(late)).toBe('CONFLICT');
  });

  it('closing carries comments onto the live draft (exact, fuzzy, unmatched) with a summary', async () => {
    // The live draft moves on: one sentence reworded, one removed.
    const reword = liveText('shared referral form');
    reword.delete(0, reword.length);
    reword.insert(0, 'Partnerships should agree one shared referral form between each university and the NHS trust.');
    const gone = liveText('will be removed');
    gone.delete(0, gone.length);
    await new Promise((r) => setTimeout(r, 250));

    expect(codeOf(await member.gql(`mutation($id: ID!) { closeReviewRound(id: $id) { status } }`, { id: roundId }))).toBe('FORBIDDEN');
    const closed = await editor.ok(`mutation($id: ID!) { closeReviewRound(id: $id) { status closedAt } }`, { id: roundId });
    expect(closed.closeReviewRound.status).toBe('CLOSED');
    const r = (await lead.ok(ROUND, { id: roundId })).reviewRound;
    expect(r.summary.total).toBe(3);
    expect(r.summary.byKind).toEqual([{ key: 'COMMENT', n: 3 }]);
    expect(r.summary.bySector).toEqual([{ key: 'NHS', n: 2 }, { key: 'OTHER', n: 1 }]);
    expect(Object.fromEntries(r.summary.carried.map((c: { key: string; n: number }) => [c.key, c.n]))).toEqual({ EXACT: 1, FUZZY: 1, UNMATCHED: 1 });
    const byId = Object.fromEntries(r.annotations.map((a: { id: string }) => [a.id, a]));
    expect(byId[ids.exact]).toMatchObject({ status: 'OPEN', carried: 'EXACT', quote: 'A single named contact in each organisation' });
    expect(byId[ids.fuzzy]).toMatchObject({ status: 'OPEN', carried: 'FUZZY' });
    expect(byId[ids.fuzzy].quote).toContain('shared referral form');
    expect(byId[ids.gone]).toMatchObject({ status: 'ORPHANED', carried: 'UNMATCHED', quote: 'This sentence will be removed before the round closes.' });
    // They are now annotations of the live draft.
    const onDraft = await lead.ok(`query($d: ID!) { document(id: $d) { annotations { id status } } }`, { d: documentId });
    expect(onDraft.document.annotations.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([ids.exact, ids.fuzzy, ids.gone]));
    expect(codeOf(await editor.gql(`mutation($id: ID!) { closeReviewRound(id: $id) { status } }`, { id: roundId }))).toBe('CONFLICT');
  });

  it('triage gives each comment a response and a reason, exported as "you said, we did"', async () => {
    const empty = await editor.gql(`mutation($a: ID!) { respondToReviewComment(annotationId: $a, response: ACCEPTED, reason: "  ") { response } }`, { a: ids.exact });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    await editor.ok(`mutation($a: ID!) { respondToReviewComment(annotationId: $a, response: ACCEPTED, reason: "Added a named contact to section 4.") { response } }`, { a: ids.exact });
    await lead.ok(`mutation($a: ID!) { respondToReviewComment(annotationId: $a, response: ACCEPTED_IN_PART, reason: "One form per region, \\"not\\" per provider, for now") { response } }`, { a: ids.fuzzy });
    await lead.ok(`mutation($a: ID!) { respondToReviewComment(annotationId: $a, response: DEFERRED, reason: "=To the next version") { response } }`, { a: ids.gone });
    const csv = (await observer.ok(`query($r: ID!) { reviewTriageExport(roundId: $r, format: CSV) }`, { r: roundId })).reviewTriageExport as string;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Section,Organisation,Sector,Kind,Passage,You said,We did,Why');
    expect(lines).toHaveLength(4);
    expect(csv).toContain('"One form per region, ""not"" per provider, for now"');
    expect(csv).toContain("'=To the next version"); // formula injection neutralised
    expect(csv).toContain('Accepted in part');
    const md = (await observer.ok(`query($r: ID!) { reviewTriageExport(roundId: $r, format: MARKDOWN) }`, { r: roundId })).reviewTriageExport as string;
    expect(md).toMatch(/^# You said, we did: Stakeholder review, March/);
    expect(md).toContain('| Section | Organisation | Sector | Kind | Passage | You said | We did | Why |');
    expect(md).toContain('Added a named contact to section 4.');
    expect((await lead.ok(ROUND, { id: roundId })).reviewRound.annotations.every((a: { triage: unknown }) => a.triage !== null)).toBe(true);
    const audit = await server.db.query(`SELECT action FROM audit_events WHERE action LIKE 'review.%' ORDER BY created_at`);
    expect(audit.rows.map((x) => x.action)).toEqual(['review.opened', 'review.closed']);
  });
});
