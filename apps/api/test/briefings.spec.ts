// The briefing pack on the seeded demo: known events made through the API (decisions agreed, rounds
// closed and left open, annotations left unresolved, a review round, deliverables late and at risk),
// some moved into the period between the 2 February and 19 April meetings; what is in each meeting's
// pack and what is not; access; and the three exports (Markdown, DOCX as a zip, PDF with its text).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { SESSION_COOKIE } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { Client, connectClient } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { ROOT, startServer, TestServer } from './support/server';

const PACK = `query($m: ID!) { briefingPack(meetingId: $m) {
  workspaceName since until asOf
  meeting { id title kind date agenda milestoneTitle }
  previousMeeting { id date }
  milestones { id title status statusReason deliverablesDone deliverablesTotal servedByMeeting }
  lateDeliverables { id title dueDate ownerName dueInDays when }
  atRiskDeliverables { id title dueInDays when }
  decisionsAgreed { ref title statement status agreedAt agreedWhere supersededByRef }
  decisionsProposed { ref title }
  roundResults { id title closedAt anonymous items { criterion verdict n median agreeShare lowShare bySector { sector n median agreeShare suppressed } } }
  openRounds { id title itemCount votedCount eligibleCount }
  unresolvedAnnotations { documentTitle sectionId sectionTitle annotations { id kind status quote body authorName } }
  reviewRounds { id title status commentCount reviewerCount respondedCount bySection { key n } byKind { key n } bySector { key n } }
  downloads { format url filename contentType }
} }`;

const HEADINGS = ['At a glance', 'Agenda', 'Milestones', 'Late and at-risk deliverables', 'Decisions', 'Consensus results', 'Votes still open', 'Unresolved annotations', 'Review rounds'];
const NEW_STATEMENT = 'Case studies show the NHS partner’s own account of the referral pathway, in their words.';
const OLD_STATEMENT = 'The working group meets fortnightly on Tuesdays until the scope is agreed.';

/** Text of each page of a PDF, by pdf.js in a child process (an ES module, which Jest cannot load). */
function pdfText(pdf: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(ROOT, 'apps/api/test/support/pdf-text.mjs')], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(pdf);
  });
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('briefing packs', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, memberHe: Api, memberNhs: Api, observer: Api, reviewer: Api, outsider: Api;
  let workspaceId: string, documentId: string, year: string;
  const meetings: Record<'feb' | 'apr' | 'may', string> = { feb: '', apr: '', may: '' };
  let criteria: { id: string; statement: string }[];
  let milestones: { id: string; title: string; deliverables: { id: string; title: string; ownerName: string | null }[] }[];
  let writer: Client;
  const ids: Record<string, string> = {};
  // BRIEFING_EXPORT_DIR=/some/dir keeps the downloaded files to look at (they are not otherwise written).
  const keep = (name: string, body: Buffer) => {
    const dir = process.env.BRIEFING_EXPORT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), body);
  };

  const pack = async (who: Api, meeting: string) => (await who.ok(PACK, { m: meeting })).briefingPack;
  const download = (meeting: string, ext: string, headers: Record<string, string> = {}) => fetch(`${server.url}/briefings/${meeting}.${ext}`, { headers });
  const cookie = (who: Api) => ({ cookie: `${SESSION_COOKIE}=${who.token}` });
  const inMarch = (day: number) => `${year}-03-${String(day).padStart(2, '0')}T12:00:00Z`;
  /**
   * Moves an agreed decision's agreement to a day in the period, as if it had been agreed then. The
   * table's immutability trigger guards the application's writes, not the test's clock, so this one
   * statement runs with triggers off (session_replication_role, in its own transaction).
   */
  const agreedOn = async (decisionId: string, at: string) => {
    const c = await server.db.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query(`UPDATE decisions SET agreed_at = $2 WHERE id = $1`, [decisionId, at]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
  const rating = (who: Api, roundId: string, scores: { itemId: string; rating: number }[]) =>
    who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: roundId, s: scores });
  const createRound = async (title: string, criterionIds: string[]) => {
    const r = await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId, title, scale: 'LIKERT_9', anonymous: true, criterionIds } });
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: r.createRound.id });
    return { id: r.createRound.id as string, items: (r.createRound.items as { id: string }[]).map((i) => i.id) };
  };
  const propose = async (title: string, statement: string) =>
    (await lead.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref } }`, { i: { workspaceId, title, statement, rationale: 'Agreed by the working group.' } })).proposeDecision as { id: string; ref: string };
  const agree = (id: string) => lead.ok(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id });
  const anchorOf = (quote: string) => {
    const start = linearText(writer.doc).text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the document`);
    return { anchor: anchorFromOffsets(writer.doc, start, start + quote.length), quote };
  };

  beforeAll(async () => {
    server = await startServer();
    anon = new Api(server.url);
    [lead, editor, memberHe, memberNhs, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id documents { id } criteria { id statement } meetings { id date } milestones { id title deliverables { id title ownerName } } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    criteria = ws.criteria;
    milestones = ws.milestones;
    for (const m of ws.meetings as { id: string; date: string }[]) {
      if (m.date.endsWith('-02-02')) meetings.feb = m.id;
      if (m.date.endsWith('-04-19')) meetings.apr = m.id;
      if (m.date.endsWith('-05-31')) meetings.may = m.id;
    }
    year = (ws.meetings as { date: string }[])[0].date.slice(0, 4);
    // Someone with an account who is not a member: invited, joined, then removed.
    const inv = await lead.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId, email: 'outsider@example.org', role: 'MEMBER', organisation: 'Elsewhere', sector: 'OTHER' } });
    const joined = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: inv.inviteMember.link.split('/invite/')[1], name: 'Out Sider', password: 'a-long-password-1' } });
    outsider = anon.as(joined.acceptInvitation.token);
    const members = (await lead.ok(`query($id: ID!) { workspace(id: $id) { members { id user { email } } } }`, { id: workspaceId })).workspace.members as { id: string; user: { email: string } }[];
    await lead.ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: members.find((m) => m.user.email === 'outsider@example.org')!.id });
    writer = await connectClient(server.url, documentId, editor.token!);
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('the seeded demo’s 19 April pack: the meeting, its agenda and milestone, the plan, and an honest "nothing yet"', async () => {
    const p = await pack(memberHe, meetings.apr);
    expect(p.meeting).toMatchObject({ id: meetings.apr, title: 'Taskforce meeting: the draft guidance', kind: 'TASKFORCE', date: `${year}-04-19`, milestoneTitle: 'March–April: data collection and draft' });
    expect(p.meeting.agenda).toEqual(['Draft guidance for comment', 'Models of good practice', 'Stakeholder feedback so far']);
    expect(p.previousMeeting).toMatchObject({ id: meetings.feb, date: `${year}-02-02` });
    expect([p.since, p.until]).toEqual([`${year}-02-02`, `${year}-04-19`]);
    expect(p.milestones.map((m: { title: string; servedByMeeting: boolean }) => [m.title, m.servedByMeeting])).toEqual([
      ['February: scope, literature and criteria', false],
      ['March–April: data collection and draft', true],
      ['May: final guidance', false],
    ]);
    expect(p.milestones[1]).toMatchObject({ status: 'ON_TRACK', deliverablesDone: 0, deliverablesTotal: 3 });
    expect(p.milestones[1].statusReason).toMatch(/^3 of 3 deliverables open, due in \d+ days$/);
    for (const list of ['lateDeliverables', 'atRiskDeliverables', 'decisionsAgreed', 'decisionsProposed', 'roundResults', 'openRounds', 'unresolvedAnnotations', 'reviewRounds']) expect([list, p[list]]).toEqual([list, []]);
    expect(p.downloads).toEqual([
      { format: 'MARKDOWN', url: `/briefings/${meetings.apr}.md`, filename: `briefing-${year}-04-19-taskforce.md`, contentType: 'text/markdown; charset=utf-8' },
      { format: 'DOCX', url: `/briefings/${meetings.apr}.docx`, filename: `briefing-${year}-04-19-taskforce.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { format: 'PDF', url: `/briefings/${meetings.apr}.pdf`, filename: `briefing-${year}-04-19-taskforce.pdf`, contentType: 'application/pdf' },
    ]);
    for (const ext of ['md', 'docx', 'pdf']) keep(`seeded-demo-${year}-04-19.${ext}`, Buffer.from(await (await download(meetings.apr, ext, cookie(lead))).arrayBuffer()));
  });

  it('events happen through the API; some are moved into the period between the February and April meetings', async () => {
    // Agreed today, before the 2 February meeting: the February pack's, not April's.
    const old = await propose('Meeting rhythm until the scope is agreed', OLD_STATEMENT);
    await agree(old.id);
    ids.oldRef = old.ref;

    // A round closed before 2 February (stays today).
    const early = await createRound('Early sounding on crisis care', [criteria[1].id]);
    await rating(memberHe, early.id, [{ itemId: early.items[0], rating: 5 }]);
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: early.id });
    ids.earlyRound = early.id;

    // A round closed in March: four voters (two sector bodies, one HE, one NHS), anonymous, so every sector cell is suppressed.
    const round = await createRound('Criteria for models of good practice', [criteria[0].id, criteria[2].id]);
    const [benefits, recognisable] = round.items;
    await rating(lead, round.id, [{ itemId: benefits, rating: 8 }, { itemId: recognisable, rating: 2 }]);
    await rating(editor, round.id, [{ itemId: benefits, rating: 9 }, { itemId: recognisable, rating: 3 }]);
    await rating(memberHe, round.id, [{ itemId: benefits, rating: 8 }, { itemId: recognisable, rating: 5 }]);
    await rating(memberNhs, round.id, [{ itemId: benefits, rating: 7 }, { itemId: recognisable, rating: 6 }]);
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round.id });
    await server.db.query(`UPDATE consensus_rounds SET closed_at = $2 WHERE id = $1`, [round.id, inMarch(3)]);
    ids.round = round.id;
    // Closing drafted a decision for the item that reached consensus; the lead agrees it (in March too).
    const drafted = (await lead.ok(`query($id: ID!) { workspace(id: $id) { decisions { id ref status statement } } }`, { id: workspaceId })).workspace.decisions.find(
      (d: { status: string; statement: string }) => d.status === 'PROPOSED' && d.statement.includes(criteria[0].statement),
    );
    await agree(drafted.id);
    await agreedOn(drafted.id, inMarch(4));
    ids.roundRef = drafted.ref;
    ids.roundStatement = drafted.statement;

    const fresh = await propose('Case studies in the NHS partner’s words', NEW_STATEMENT);
    await agree(fresh.id);
    await agreedOn(fresh.id, inMarch(10));
    ids.newRef = fresh.ref;
    ids.proposed = (await propose('Six case studies at most', 'No more than six case studies appear in the guidance.')).ref;

    // A round still open: one of four eligible voters has voted.
    const open = await createRound('Criteria — round 2', [criteria[3].id, criteria[4].id]);
    await rating(memberHe, open.id, [{ itemId: open.items[0], rating: 7 }]);
    ids.openRound = open.id;

    // Annotations: a question left open, a comment resolved.
    const q = await memberNhs.ok(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id sectionTitle } }`, {
      i: { documentId, kind: 'QUESTION', body: 'Do we have data on GP registration at term-time addresses?', ...anchorOf('GP registration') },
    });
    expect(q.addAnnotation.sectionTitle).toBe('Common challenges');
    ids.question = q.addAnnotation.id;
    const c = await memberHe.ok(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, { i: { documentId, kind: 'COMMENT', body: 'Name the ICB.', ...anchorOf('Actions for HEPs') } });
    await memberHe.ok(`mutation($id: ID!) { resolveAnnotation(id: $id) { status } }`, { id: c.addAnnotation.id });
    ids.resolved = c.addAnnotation.id;

    // A stakeholder review round on a named version, one reviewer comment, closed in March.
    const v = await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Draft for stakeholders") { id } }`, { d: documentId });
    const rr = await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, {
      i: { versionId: v.createVersion.id, title: 'Stakeholder review, March', closesAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    ids.review = rr.openReviewRound.id;
    await editor.ok(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { link } }`, { i: { roundId: ids.review, email: DEMO.reviewer, organisation: 'Association of Colleges', sector: 'OTHER' } });
    const quote = 'referral thresholds';
    const start = linearText(writer.doc).text.indexOf(quote);
    await reviewer.ok(`mutation($i: ReviewAnnotationInput!) { addReviewAnnotation(input: $i) { id } }`, {
      i: { roundId: ids.review, kind: 'COMMENT', anchor: anchorFromOffsets(writer.doc, start, start + quote.length), quote, body: 'Thresholds differ between trusts.' },
    });
    await editor.ok(`mutation($id: ID!) { closeReviewRound(id: $id) { status } }`, { id: ids.review });
    await server.db.query(`UPDATE review_rounds SET closed_at = $2 WHERE id = $1`, [ids.review, inMarch(20)]);

    // Deliverables: one done, one three days overdue, one due in five days (dates moved to around
    // today; open whatever the events above may have ticked).
    const march = milestones[1];
    await lead.ok(`mutation($id: ID!) { setDeliverableDone(id: $id, done: true) { done } }`, { id: march.deliverables[2].id });
    await server.db.query(`UPDATE deliverables SET due_on = current_date - 3, done_at = NULL WHERE id = $1`, [march.deliverables[0].id]);
    await server.db.query(`UPDATE deliverables SET due_on = current_date + 5, done_at = NULL WHERE id = $1`, [march.deliverables[1].id]);
    ids.late = march.deliverables[0].id;
    ids.atRisk = march.deliverables[1].id;
  });

  it('the 19 April pack holds what happened since 2 February, what is open now and what is late — and nothing from before', async () => {
    const p = await pack(memberHe, meetings.apr);
    const refs = p.decisionsAgreed.map((d: { ref: string }) => d.ref);
    expect(refs).toEqual([ids.roundRef, ids.newRef]);
    expect(p.decisionsAgreed[0]).toMatchObject({ statement: ids.roundStatement, status: 'AGREED', agreedWhere: 'By round “Criteria for models of good practice”', agreedAt: inMarch(4).replace('Z', '.000Z') });
    expect(p.decisionsAgreed[1]).toMatchObject({ statement: NEW_STATEMENT, status: 'AGREED', agreedWhere: 'By the lead', supersededByRef: null });
    expect(refs).not.toContain(ids.oldRef);
    expect(p.decisionsProposed.map((d: { ref: string }) => d.ref)).toEqual([ids.proposed]);

    expect(p.roundResults.map((r: { id: string }) => r.id)).toEqual([ids.round]);
    const [benefits, recognisable] = p.roundResults[0].items;
    expect(benefits).toMatchObject({ criterion: criteria[0].statement, verdict: 'INCLUDE', n: 4, median: 8, agreeShare: 1, lowShare: 0 });
    expect(recognisable).toMatchObject({ criterion: criteria[2].statement, verdict: 'NO_CONSENSUS', n: 4, median: 4, agreeShare: 0, lowShare: 0.5 });
    // Anonymous round, no sector with three voters: every cell suppressed, no numbers.
    expect(benefits.bySector).toEqual(['HE', 'NHS', 'SECTOR_BODY'].map((sector) => ({ sector, n: null, median: null, agreeShare: null, suppressed: true })));

    expect(p.openRounds).toEqual([{ id: ids.openRound, title: 'Criteria — round 2', itemCount: 2, votedCount: 1, eligibleCount: 4 }]);

    const annotated = p.unresolvedAnnotations.flatMap((s: { annotations: { id: string }[] }) => s.annotations.map((a) => a.id));
    expect(annotated).toContain(ids.question);
    expect(annotated).not.toContain(ids.resolved);
    const challenges = p.unresolvedAnnotations.find((s: { sectionTitle: string }) => s.sectionTitle === 'Common challenges');
    expect(challenges.annotations.find((a: { id: string }) => a.id === ids.question)).toMatchObject({ kind: 'QUESTION', status: 'OPEN', quote: 'GP registration', authorName: 'Dr Nadia Shah' });
    // Sections come in the document's order.
    const order = ['Purpose and audience', 'Scope', 'Common challenges', 'Solutions and principles for joint working', 'Models of good practice', 'Funding and commissioning', 'Next steps'];
    const titles = p.unresolvedAnnotations.map((s: { sectionTitle: string }) => s.sectionTitle);
    expect([...titles].sort((a: string, b: string) => order.indexOf(a) - order.indexOf(b))).toEqual(titles);

    expect(p.reviewRounds).toEqual([
      {
        id: ids.review,
        title: 'Stakeholder review, March',
        status: 'CLOSED',
        commentCount: 1,
        reviewerCount: 1,
        respondedCount: 0,
        bySection: [{ key: 'Common challenges', n: 1 }],
        byKind: [{ key: 'COMMENT', n: 1 }],
        bySector: [{ key: 'OTHER', n: 1 }],
      },
    ]);

    const late = milestones[1].deliverables[0];
    expect(late.ownerName).toBeTruthy();
    expect(p.lateDeliverables).toEqual([expect.objectContaining({ id: ids.late, title: late.title, ownerName: late.ownerName, dueInDays: -3, when: '3 days overdue' })]);
    expect(p.atRiskDeliverables).toEqual([expect.objectContaining({ id: ids.atRisk, dueInDays: 5, when: 'due in 5 days' })]);
    const served = p.milestones.find((m: { servedByMeeting: boolean }) => m.servedByMeeting);
    expect(served).toMatchObject({ status: 'AT_RISK', deliverablesDone: 1, deliverablesTotal: 3 });
    expect(served.statusReason).toMatch(/^“Data collection from the models finalised” is 3 days overdue/);
  });

  it('the 2 February pack, the first meeting, covers everything before it; the 31 May pack nothing from before 19 April', async () => {
    const feb = await pack(lead, meetings.feb);
    expect([feb.previousMeeting, feb.since]).toEqual([null, null]);
    expect(feb.decisionsAgreed.map((d: { ref: string }) => d.ref)).toEqual([ids.oldRef]);
    expect(feb.roundResults.map((r: { id: string }) => r.id)).toEqual([ids.earlyRound]);
    expect(feb.reviewRounds).toEqual([]);
    // What is open now, and what is late now, is in every pack.
    expect(feb.openRounds.map((r: { id: string }) => r.id)).toEqual([ids.openRound]);
    expect(feb.lateDeliverables.map((d: { id: string }) => d.id)).toEqual([ids.late]);

    const may = await pack(observer, meetings.may);
    expect(may.since).toBe(`${year}-04-19`);
    expect([may.decisionsAgreed, may.roundResults, may.reviewRounds]).toEqual([[], [], []]);
    expect(may.meeting.agenda).toEqual(['Final guidance', 'Dissemination']);
  });

  it('members and observers read it; a reviewer is FORBIDDEN; a non-member and an unknown meeting get NOT_FOUND; signed out is UNAUTHENTICATED', async () => {
    for (const who of [lead, editor, memberNhs, observer]) expect((await who.gql(PACK, { m: meetings.apr })).errors).toBeUndefined();
    expect(codeOf(await reviewer.gql(PACK, { m: meetings.apr }))).toBe('FORBIDDEN');
    expect(codeOf(await outsider.gql(PACK, { m: meetings.apr }))).toBe('NOT_FOUND');
    expect(codeOf(await lead.gql(PACK, { m: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await anon.gql(PACK, { m: meetings.apr }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await lead.gql(PACK, { m: 'not-an-id' }))).toBe('BAD_USER_INPUT');
  });

  it('downloads follow the same session and policy, with JSON error codes', async () => {
    const code = async (r: Response) => [r.status, ((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code];
    expect(await code(await download(meetings.apr, 'pdf'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await download(meetings.apr, 'pdf', { cookie: `${SESSION_COOKIE}=not-a-session` }))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await download(meetings.apr, 'md', cookie(reviewer)))).toEqual([403, 'FORBIDDEN']);
    expect(await code(await download(meetings.apr, 'docx', cookie(outsider)))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await download('00000000-0000-4000-8000-000000000000', 'pdf', cookie(lead)))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await download(meetings.apr, 'txt', cookie(lead)))).toEqual([404, 'NOT_FOUND']);
    // A browser asking for HTML gets the file, not the web app.
    const r = await download(meetings.apr, 'md', { ...cookie(observer), accept: 'text/html,*/*' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="briefing-${year}-04-19-taskforce.md"`);
  });

  it('Markdown: the headings, the decisions and the results', async () => {
    const r = await download(meetings.apr, 'md', { authorization: `Bearer ${memberHe.token}` });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const md = await r.text();
    keep(`events-${year}-04-19.md`, Buffer.from(md));
    expect(md.startsWith('# Briefing pack: Taskforce meeting: the draft guidance\n')).toBe(true);
    expect(md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3))).toEqual(HEADINGS);
    expect(md).toContain(`| **${ids.newRef}** | **Case studies in the NHS partner’s words**<br>${NEW_STATEMENT}`);
    expect(md).not.toContain(OLD_STATEMENT);
    expect(md).toContain('| **Include** | 4 | 8 | 100% |');
  });

  it('DOCX: a zip whose word/document.xml has the title, Heading 1 sections, Heading 2 subsections, tables and the decisions', async () => {
    const r = await download(meetings.apr, 'docx', cookie(editor));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="briefing-${year}-04-19-taskforce.docx"`);
    const body = Buffer.from(await r.arrayBuffer());
    keep(`events-${year}-04-19.docx`, body);
    const zip = await JSZip.loadAsync(body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1])?.[1], text: [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));
    const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['Briefing pack: Taskforce meeting: the draft guidance']);
    expect(styled('Heading1')).toEqual(HEADINGS);
    expect(styled('Heading2')).toEqual([
      'Agreed since the Taskforce meeting on 2 February ' + year,
      'Proposed, awaiting agreement',
      `Criteria for models of good practice (closed 3 March ${year})`,
      'Common challenges (2)',
      `Stakeholder review, March (closed 20 March ${year})`,
    ]);
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:numPr>');
    // The decision's cell: its title, then its statement after a line break.
    expect(paragraphs.find((p) => p.text.includes(NEW_STATEMENT))?.text).toBe(`Case studies in the NHS partner’s words${NEW_STATEMENT}Why: Agreed by the working group.`);
    expect(xml).not.toContain(OLD_STATEMENT);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
  });

  it('PDF: extractable text with the title, every heading, the decisions and the results; an export is audited', async () => {
    const before = (await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'briefing.exported'`)).rows[0].n;
    const r = await download(meetings.apr, 'pdf', cookie(lead));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="briefing-${year}-04-19-taskforce.pdf"`);
    const body = Buffer.from(await r.arrayBuffer());
    keep(`events-${year}-04-19.pdf`, body);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, info } = await pdfText(body);
    expect(info.Title).toBe('Briefing pack: Taskforce meeting: the draft guidance');
    const text = flat(pages.join('\n'));
    expect(text).toContain(`BRIEFING PACK Taskforce meeting: the draft guidance Monday 19 April ${year} · Taskforce meeting`);
    const lines = pages.join('\n').split('\n');
    for (const h of HEADINGS) expect(lines).toContain(h);
    expect(text).toContain(flat(NEW_STATEMENT));
    expect(text).toContain(flat(ids.roundStatement));
    expect(text).not.toContain(flat(OLD_STATEMENT));
    expect(text).toContain('Do we have data on GP registration at term-time addresses?');
    expect(text).toMatch(/Include 4 8 100%/);
    const after = (await server.db.query(`SELECT count(*)::int AS n, max(data->>'format') AS format FROM audit_events WHERE action = 'briefing.exported'`)).rows[0];
    expect(after.n).toBe(before + 1);
  });
});
