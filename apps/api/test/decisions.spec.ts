// The decision log: numbering under concurrency, links checked against the workspace, agreement at a
// meeting or by a round, immutability (in the API and in the database), supersede chains, filters,
// search and the CSV and Markdown exports.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const FIELDS = `id ref title statement rationale status agreedAt agreedVia agreedMeetingId agreedRoundId supersedesId supersededById milestoneId roundItemId roundItemIds annotationIds sourceIds sections { documentId sectionId title } links { kind id label documentId }`;
const PROPOSE = `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateDecisionInput!) { updateDecision(input: $i) { ${FIELDS} } }`;
const AGREE = `mutation($id: ID!, $m: ID, $r: ID) { agreeDecision(id: $id, meetingId: $m, roundId: $r) { ${FIELDS} } }`;
const SUPERSEDE = `mutation($id: ID!, $i: ProposeDecisionInput!, $m: ID) { supersedeDecision(id: $id, input: $i, meetingId: $m) { ${FIELDS} } }`;
const LOG = `query($w: ID!, $f: DecisionFilterInput) { workspace(id: $w) { decisions(filter: $f) { id ref status title } } }`;
const EXPORT = `query($w: ID!, $format: ExportFormat!, $f: DecisionFilterInput) { decisionLogExport(workspaceId: $w, format: $format, filter: $f) }`;

/** RFC 4180, enough for our own output: quoted cells with doubled quotes, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else {
      // CRLF ends the row.
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
  }
  return rows;
}

describe('the decision log', () => {
  let server: TestServer;
  let lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api;
  let workspaceId: string, documentId: string;
  let meetings: { id: string; title: string }[];
  let milestones: { id: string; title: string }[];
  let sources: { id: string; title: string }[];
  let sections: { id: string; title: string }[];
  let foreign: { workspaceId: string; milestoneId: string; sourceId: string; documentId: string; annotationId: string; roundItemId: string };
  let ourAnnotation: string;

  const input = (n: number | string, extra: Record<string, unknown> = {}) => ({ i: { workspaceId, title: `Decision ${n}`, statement: `We decided ${n}.`, rationale: 'Because.', ...extra } });
  const count = async () => (await server.db.query('SELECT count(*)::int AS n FROM decisions WHERE workspace_id = $1', [workspaceId])).rows[0].n as number;
  const snapshot = async (id: string) => (await server.db.query('SELECT * FROM decisions WHERE id = $1', [id])).rows[0];
  const openRound = async (title: string) => {
    const criterionIds = (await lead.ok(`query($w: ID!) { workspace(id: $w) { criteria { id } } }`, { w: workspaceId })).workspace.criteria.slice(0, 1).map((c: { id: string }) => c.id);
    const r = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId, title, scale: 'LIKERT_9', anonymous: true, criterionIds } })).createRound;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: r.id });
    return r as { id: string; items: { id: string }[] };
  };
  const close = (roundId: string) => editor.ok(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: roundId });

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id documents { id sections { id title } } meetings { id title } milestones { id title } sources { id title } members { id user { email } } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    sections = ws.documents[0].sections;
    ({ meetings, milestones, sources } = ws);
    const memberId = ws.members.find((m: { user: { email: string } }) => m.user.email === DEMO.memberHe).id;
    ourAnnotation = (
      await server.db.query(`INSERT INTO annotations (workspace_id, document_id, kind, anchor, quote, body, author_id, section_title) VALUES ($1, $2, 'COMMENT', 'x.y', 'the scope', 'Is this in scope?', $3, 'Scope') RETURNING id`, [
        workspaceId,
        documentId,
        memberId,
      ])
    ).rows[0].id;
    // Another workspace, with one object of every kind a decision links to.
    const other = (await editor.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "UUK", sector: SECTOR_BODY }) { id myMembership { id } criteria { id } } }`)).createWorkspace;
    const od = (await editor.ok(`mutation($w: ID!) { createDocument(input: { workspaceId: $w, title: "Theirs" }) { id } }`, { w: other.id })).createDocument.id;
    const q = (sql: string, params: unknown[]) => server.db.query(sql, params).then((r) => r.rows[0].id as string);
    const crit = await q(`INSERT INTO criteria (workspace_id, statement, position) VALUES ($1, 'Theirs', 1) RETURNING id`, [other.id]);
    const round = await q(`INSERT INTO consensus_rounds (workspace_id, title, scale, rule) VALUES ($1, 'Theirs', 'LIKERT_9', '{}') RETURNING id`, [other.id]);
    foreign = {
      workspaceId: other.id,
      documentId: od,
      milestoneId: await q(`INSERT INTO milestones (workspace_id, title, starts_on, due_on) VALUES ($1, 'Theirs', '2027-01-01', '2027-02-01') RETURNING id`, [other.id]),
      sourceId: await q(`INSERT INTO sources (workspace_id, title, authors, type) VALUES ($1, 'Theirs', 'Them', 'REPORT') RETURNING id`, [other.id]),
      annotationId: await q(`INSERT INTO annotations (workspace_id, document_id, kind, anchor, quote, body, author_id) VALUES ($1, $2, 'COMMENT', 'x.y', 'q', 'b', $3) RETURNING id`, [other.id, od, other.myMembership.id]),
      roundItemId: await q(`INSERT INTO round_items (round_id, workspace_id, criterion_id, position) VALUES ($1, $2, $3, 1) RETURNING id`, [round, other.id, crit]),
    };
  });
  afterAll(() => server?.close());

  it('50 concurrent proposals are numbered D-001 to D-050 exactly', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => editor.gql(PROPOSE, input(n))));
    expect(results.every((r) => !r.errors)).toBe(true);
    const refs = results.map((r) => r.data!.proposeDecision.ref).sort();
    expect(refs).toEqual(Array.from({ length: 50 }, (_, n) => `D-${String(n + 1).padStart(3, '0')}`));
    const stored = await server.db.query('SELECT number FROM decisions WHERE workspace_id = $1 ORDER BY number', [workspaceId]);
    expect(stored.rows.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
  });

  it('links a decision to a milestone, round results, sections, annotations and sources, each with a label', async () => {
    const r = await openRound('Criteria, round 1');
    const scope = sections.find((s) => s.title === 'Scope')!;
    const d = (
      await editor.ok(PROPOSE, input('with links', { milestoneId: milestones[0].id, roundItemIds: r.items.map((x) => x.id), annotationIds: [ourAnnotation], sourceIds: [sources[0].id], sections: [{ documentId, sectionId: scope.id }] }))
    ).proposeDecision;
    expect(d).toMatchObject({ roundItemId: r.items[0].id, roundItemIds: [r.items[0].id], annotationIds: [ourAnnotation], sourceIds: [sources[0].id], sections: [{ documentId, sectionId: scope.id, title: 'Scope' }] });
    expect(d.links).toEqual([
      { kind: 'MILESTONE', id: milestones[0].id, label: 'February: scope, literature and criteria', documentId: null },
      { kind: 'ROUND_RESULT', id: r.items[0].id, label: expect.stringMatching(/^Round “Criteria, round 1”: Deliver benefits to students/), documentId: null },
      { kind: 'SECTION', id: scope.id, label: 'Scope', documentId },
      { kind: 'ANNOTATION', id: ourAnnotation, label: 'Comment on “the scope”', documentId: null },
      { kind: 'SOURCE', id: sources[0].id, label: sources[0].title, documentId: null },
    ]);
    await close(r.id);
  });

  it('refuses a decision without a statement, or linked to anything of another workspace, writing nothing; members cannot propose', async () => {
    const before = await count();
    const empty = await editor.gql(PROPOSE, input(99, { statement: '  ' }));
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.statement' });
    const cases: [Record<string, unknown>, string][] = [
      [{ milestoneId: foreign.milestoneId }, 'input.milestoneId'],
      [{ roundItemId: foreign.roundItemId }, 'input.roundItemId'],
      [{ roundItemIds: [foreign.roundItemId] }, 'input.roundItemIds'],
      [{ annotationIds: [ourAnnotation, foreign.annotationId] }, 'input.annotationIds'],
      [{ sourceIds: [foreign.sourceId] }, 'input.sourceIds'],
      [{ sections: [{ documentId: foreign.documentId, sectionId: 'sec-scope' }] }, 'input.sections'],
      [{ sections: [{ documentId, sectionId: 'sec-no-such-heading' }] }, 'input.sections'],
      [{ supersedesId: '00000000-0000-4000-8000-000000000000' }, 'input.supersedesId'],
    ];
    for (const [extra, field] of cases) {
      const r = await editor.gql(PROPOSE, input(99, extra));
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(codeOf(await member.gql(PROPOSE, input(99)))).toBe('FORBIDDEN');
    expect(codeOf(await observer.gql(PROPOSE, input(99)))).toBe('FORBIDDEN');
    expect(codeOf(await reviewer.gql(PROPOSE, input(99)))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a proposed decision can be changed; an agreed one never is — CONFLICT, and the database refuses it too', async () => {
    const d = (await editor.ok(PROPOSE, input('draft'))).proposeDecision;
    const changed = await editor.ok(UPDATE, { i: { id: d.id, statement: 'We decided better.', sourceIds: [sources[1].id] } });
    expect(changed.updateDecision).toMatchObject({ statement: 'We decided better.', title: 'Decision draft', sourceIds: [sources[1].id], status: 'PROPOSED' });
    for (const [field, value] of [['title', null], ['statement', null], ['statement', ' '], ['sourceIds', null]] as const) {
      expect((await editor.gql(UPDATE, { i: { id: d.id, [field]: value } })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    await lead.ok(AGREE, { id: d.id });
    const before = await snapshot(d.id);
    const edit = await editor.gql(UPDATE, { i: { id: d.id, statement: 'Rewritten after the fact.' } });
    expect(edit.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'AGREED' });
    expect(edit.errors![0].message).toMatch(/never edited; propose a new decision that supersedes it/);
    await expect(server.db.query(`UPDATE decisions SET statement = 'Sneaked in' WHERE id = $1`, [d.id])).rejects.toThrow(/never edited, only superseded/);
    await expect(server.db.query(`UPDATE decisions SET status = 'PROPOSED' WHERE id = $1`, [d.id])).rejects.toThrow(/cannot go from AGREED to PROPOSED/);
    expect(await snapshot(d.id)).toEqual(before);
  });

  it('records where a decision was agreed: at a meeting, by a closed round, by the round that drafted it, or by the lead', async () => {
    const atMeeting = (await editor.ok(PROPOSE, input('at a meeting'))).proposeDecision;
    expect((await lead.ok(AGREE, { id: atMeeting.id, m: meetings[0].id })).agreeDecision).toMatchObject({ status: 'AGREED', agreedVia: 'MEETING', agreedMeetingId: meetings[0].id, agreedRoundId: null });

    const open = await openRound('Still open');
    const byRound = (await editor.ok(PROPOSE, input('by a round'))).proposeDecision;
    expect((await lead.gql(AGREE, { id: byRound.id, r: open.id })).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_CLOSED' });
    await close(open.id);
    expect((await lead.ok(AGREE, { id: byRound.id, r: open.id })).agreeDecision).toMatchObject({ agreedVia: 'ROUND', agreedRoundId: open.id, agreedMeetingId: null });

    const drafted = (await editor.ok(PROPOSE, input('drafted by a round', { roundItemId: open.items[0].id }))).proposeDecision;
    expect((await lead.ok(AGREE, { id: drafted.id })).agreeDecision).toMatchObject({ agreedVia: 'ROUND', agreedRoundId: open.id });
    const plain = (await editor.ok(PROPOSE, input('plain'))).proposeDecision;
    const both = await lead.gql(AGREE, { id: plain.id, m: meetings[0].id, r: open.id });
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
    const theirs = await lead.gql(AGREE, { id: plain.id, m: foreign.milestoneId });
    expect(theirs.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meetingId' });
    expect((await snapshot(plain.id)).status).toBe('PROPOSED');
    expect((await lead.ok(AGREE, { id: plain.id })).agreeDecision).toMatchObject({ agreedVia: 'LEAD', agreedMeetingId: null, agreedRoundId: null });
  });

  it('a lead agrees a decision once; superseding agrees a new one and retires the old, which cannot be agreed again', async () => {
    const d = (await editor.ok(PROPOSE, input(100))).proposeDecision;
    expect(codeOf(await editor.gql(AGREE, { id: d.id }))).toBe('FORBIDDEN');
    expect((await lead.ok(AGREE, { id: d.id })).agreeDecision.status).toBe('AGREED');
    expect(codeOf(await lead.gql(AGREE, { id: d.id }))).toBe('CONFLICT');
    const next = (await lead.ok(SUPERSEDE, { id: d.id, ...input(101), m: meetings[1].id })).supersedeDecision;
    expect(next).toMatchObject({ status: 'AGREED', supersedesId: d.id, agreedVia: 'MEETING', agreedMeetingId: meetings[1].id });
    const old = (await member.ok(`query($id: ID!) { decision(id: $id) { ref status supersededById } }`, { id: d.id })).decision;
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededById: next.id });
    const before = await snapshot(d.id);
    const again = await lead.gql(AGREE, { id: d.id });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUPERSEDED' });
    expect(codeOf(await lead.gql(SUPERSEDE, { id: d.id, ...input(102) }))).toBe('CONFLICT');
    expect(codeOf(await editor.gql(UPDATE, { i: { id: d.id, title: 'Renamed' } }))).toBe('CONFLICT');
    expect(await snapshot(d.id)).toEqual(before);
    // Chains: the replacement can itself be superseded, and each link points both ways.
    const third = (await lead.ok(SUPERSEDE, { id: next.id, ...input(103) })).supersedeDecision;
    expect(third.supersedesId).toBe(next.id);
    expect((await member.ok(`query($id: ID!) { decision(id: $id) { status supersededById } }`, { id: next.id })).decision).toEqual({ status: 'SUPERSEDED', supersededById: third.id });
    expect(Number(third.ref.slice(2))).toBe(Number(next.ref.slice(2)) + 1);
  });

  it('an editor proposes a replacement; agreeing it supersedes the old one; a second replacement then conflicts', async () => {
    const original = (await editor.ok(PROPOSE, input('original'))).proposeDecision;
    expect((await editor.gql(PROPOSE, input('too early', { supersedesId: original.id }))).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSED' });
    await lead.ok(AGREE, { id: original.id });
    const [a, b] = await Promise.all([editor.ok(PROPOSE, input('replacement A', { supersedesId: original.id })), editor.ok(PROPOSE, input('replacement B', { supersedesId: original.id }))]);
    expect((await snapshot(original.id)).status).toBe('AGREED');
    const results = await Promise.all([lead.gql(AGREE, { id: a.proposeDecision.id }), lead.gql(AGREE, { id: b.proposeDecision.id })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.reason === 'SUPERSEDED')).toHaveLength(1);
    const winner = results.find((r) => !r.errors)!.data!.agreeDecision;
    expect(await snapshot(original.id)).toMatchObject({ status: 'SUPERSEDED', superseded_by_id: winner.id });
    const loser = [a.proposeDecision, b.proposeDecision].find((x) => x.id !== winner.id)!;
    expect((await snapshot(loser.id)).status).toBe('PROPOSED');
  });

  describe('filters, search and exports', () => {
    let tagged: { id: string; ref: string };

    beforeAll(async () => {
      tagged = (await editor.ok(PROPOSE, input('on referral thresholds', { statement: 'Referral thresholds are agreed locally, with 50% of "crisis" cases, = shared.', rationale: 'From the Nous report, page 12.', milestoneId: milestones[1].id }))).proposeDecision;
      await lead.ok(AGREE, { id: tagged.id, m: meetings[1].id });
    });

    const log = async (f: Record<string, unknown>) => (await observer.ok(LOG, { w: workspaceId, f })).workspace.decisions as { id: string; ref: string; status: string }[];

    it('by status, milestone, meeting, agreed period, and by words or number', async () => {
      const all = await log({});
      expect(all.map((d) => d.ref)).toEqual([...all.map((d) => d.ref)].sort());
      for (const status of ['PROPOSED', 'AGREED', 'SUPERSEDED']) {
        const some = await log({ status });
        expect(some.length).toBeGreaterThan(0);
        expect(some.every((d) => d.status === status)).toBe(true);
      }
      expect((await log({ milestoneId: milestones[1].id })).map((d) => d.id)).toEqual([tagged.id]);
      expect((await log({ meetingId: meetings[1].id })).map((d) => d.id)).toContain(tagged.id);
      expect((await log({ meetingId: meetings[1].id, status: 'AGREED' })).map((d) => d.id)).toEqual([tagged.id]);
      expect((await log({ search: 'REFERRAL threshold' })).map((d) => d.id)).toEqual([tagged.id]);
      expect((await log({ search: 'nous report' })).map((d) => d.id)).toEqual([tagged.id]);
      expect((await log({ search: tagged.ref })).map((d) => d.id)).toEqual([tagged.id]);
      expect((await log({ search: String(Number(tagged.ref.slice(2))) })).map((d) => d.ref)).toContain(tagged.ref);
      expect(await log({ search: '50%_' })).toEqual([]);
      expect((await log({ search: '50%' })).map((d) => d.id)).toEqual([tagged.id]);
      expect(await log({ agreedAfter: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
      expect((await log({ agreedAfter: new Date(Date.now() - 600_000).toISOString(), search: 'referral' })).map((d) => d.id)).toEqual([tagged.id]);
      const bad = await observer.gql(LOG, { w: workspaceId, f: { milestoneId: 'not-an-id' } });
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('exports CSV that parses back, with every decision, quotes and formulas made safe', async () => {
      const csv = (await observer.ok(EXPORT, { w: workspaceId, format: 'CSV' })).decisionLogExport as string;
      const rows = parseCsv(csv);
      expect(rows[0]).toEqual(['Ref', 'Status', 'Title', 'Statement', 'Rationale', 'Agreed on', 'Agreed', 'Milestone', 'Supersedes', 'Superseded by', 'Result', 'Links']);
      expect(rows.length - 1).toBe(await count());
      const row = rows.find((r) => r[0] === tagged.ref)!;
      expect(row.slice(1, 5)).toEqual(['AGREED', 'Decision on referral thresholds', 'Referral thresholds are agreed locally, with 50% of "crisis" cases, = shared.', 'From the Nous report, page 12.']);
      expect(row[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[6]).toBe('Agreed at “Taskforce meeting: the draft guidance”');
      expect(row[7]).toBe('March–April: data collection and draft');
      const superseded = rows.find((r) => r[1] === 'SUPERSEDED')!;
      expect(superseded[9]).toMatch(/^D-\d{3}$/);
      // A filter applies to the export as to the list.
      const filtered = parseCsv((await observer.ok(EXPORT, { w: workspaceId, format: 'CSV', f: { meetingId: meetings[1].id, status: 'AGREED' } })).decisionLogExport);
      expect(filtered.slice(1).map((r) => r[0])).toEqual([tagged.ref]);
      // Spreadsheet formulas are defused.
      const formula = (await editor.ok(PROPOSE, input('formula', { statement: '=HYPERLINK("http://evil")' }))).proposeDecision;
      const again = parseCsv((await observer.ok(EXPORT, { w: workspaceId, format: 'CSV', f: { search: formula.ref } })).decisionLogExport);
      expect(again[1][3]).toBe(`'=HYPERLINK("http://evil")`);
    });

    it('exports Markdown with a heading per decision and what it rests on', async () => {
      const md = (await member.ok(EXPORT, { w: workspaceId, format: 'MARKDOWN', f: { status: 'AGREED' } })).decisionLogExport as string;
      expect(md.startsWith('# Decision log: Student mental health: NHS–HE joint working guidance\n')).toBe(true);
      const agreed = await log({ status: 'AGREED' });
      expect(md.match(/^## D-\d{3}: /gm)).toHaveLength(agreed.length);
      expect(md).toContain(`## ${tagged.ref}: Decision on referral thresholds`);
      expect(md).toContain('**Status:** AGREED, agreed at “Taskforce meeting: the draft guidance” on ');
      expect(md).toContain('**Milestone:** March–April: data collection and draft');
      expect(md).not.toMatch(/^## .*: Decision 0$/m); // proposed ones are filtered out
    });

    it('reviewers and non-members get nothing', async () => {
      expect(codeOf(await reviewer.gql(EXPORT, { w: workspaceId, format: 'CSV' }))).toBe('FORBIDDEN');
      expect(codeOf(await reviewer.gql(LOG, { w: workspaceId }))).toBe('FORBIDDEN');
      expect((await reviewer.gql(`query($id: ID!) { decision(id: $id) { id } }`, { id: tagged.id })).data).toEqual({ decision: null });
      // The editor leads "Elsewhere"; our lead is not a member there.
      const theirs = (await editor.ok(PROPOSE, { i: { workspaceId: foreign.workspaceId, title: 'Theirs', statement: 'Theirs.', rationale: '' } })).proposeDecision;
      expect(theirs.ref).toBe('D-001');
      expect((await lead.gql(`query($id: ID!) { decision(id: $id) { id } }`, { id: theirs.id })).data).toEqual({ decision: null });
      expect(codeOf(await lead.gql(EXPORT, { w: foreign.workspaceId, format: 'CSV' }))).toBe('NOT_FOUND');
      expect(codeOf(await lead.gql(AGREE, { id: theirs.id }))).toBe('NOT_FOUND');
    });
  });
});
