// Consensus rounds against real PostgreSQL: concurrency, secrecy, freezing, eligibility, recusal,
// visibility of results, decisions drafted at close, the next round's feedback, roundChanged.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';
import { subscribe } from './support/subscriptions';

const SECRET = 'consensus-test-secret-0123456789abcdef0123456789';
const ROUND = `query($id: ID!) { round(id: $id) { id title number status anonymous votedCount eligibleCount canVote myBallot { itemId rating rationale }
  items { id recused criterion { statement } previous { distribution myRating } result { n median q1 q3 iqr distribution highShare lowShare verdict changeSincePrevious rationales bySector { sector n median suppressed } } } } }`;

describe('consensus rounds', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, memberHe: Api, memberNhs: Api, observer: Api, reviewer: Api;
  let workspaceId: string;
  let criteria: { id: string; statement: string }[];

  /** Makes `count` voting members directly in the database, with sessions, for load tests. */
  async function makeVoters(count: number, sectorOf: (i: number) => string): Promise<Api[]> {
    const apis: Api[] = [];
    const tag = randomBytes(3).toString('hex');
    for (let i = 0; i < count; i++) {
      const u = await server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [`voter${i}-${tag}@example.org`, `Voter ${i}`]);
      await server.db.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) VALUES ($1, $2, 'MEMBER', 'Org', $3)`, [workspaceId, u.rows[0].id, sectorOf(i)]);
      const token = randomBytes(32).toString('base64url');
      await server.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [u.rows[0].id, createHmac('sha256', SECRET).update(token).digest('hex')]);
      apis.push(anon.as(token));
    }
    return apis;
  }

  const create = (who: Api, extra: Record<string, unknown> = {}) =>
    who.gql(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id status items { id } } }`, {
      i: { workspaceId, title: 'Criteria, round 1', scale: 'LIKERT_9', anonymous: true, criterionIds: criteria.map((c) => c.id), ...extra },
    });
  const cast = (who: Api, roundId: string, scores: unknown[]) => who.gql(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId rating } }`, { r: roundId, s: scores });

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET: SECRET, CONCORD_COUNT_SQL: '1' } });
    anon = new Api(server.url);
    [lead, editor, memberHe, memberNhs, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id criteria { id statement } } }`);
    workspaceId = ws.workspaces[0].id;
    criteria = ws.workspaces[0].criteria;
  });
  afterAll(() => server?.close());

  it('refuses rounds without items, with closing times in the past, or with unknown criteria; writes nothing', async () => {
    const before = (await server.db.query('SELECT count(*)::int AS n FROM consensus_rounds')).rows[0].n;
    const empty = await create(editor, { criterionIds: [] });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionIds' });
    const past = await create(editor, { closesAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
    const foreign = await create(editor, { criterionIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionIds' });
    expect(codeOf(await create(memberHe))).toBe('FORBIDDEN');
    expect((await server.db.query('SELECT count(*)::int AS n FROM consensus_rounds')).rows[0].n).toBe(before);
  });

  it('edits a draft round with the checks of createRound; refuses after it opens, past closing times and members', async () => {
    const UPDATE = `mutation($i: UpdateRoundInput!) { updateRound(input: $i) { id title status anonymous liveResults closesAt eligibleSectors rule { agree } items { criterion { id } position } } }`;
    const round = (await create(editor, { title: 'Draft to edit', criterionIds: [criteria[0].id, criteria[1].id] })).data!.createRound;
    const closesAt = new Date(Date.now() + 7 * 86400_000).toISOString();
    const edited = (await editor.ok(UPDATE, { i: { id: round.id, title: 'Edited draft', anonymous: false, liveResults: true, closesAt, eligibleSectors: ['HE'], rule: { agree: 0.8 }, criterionIds: [criteria[2].id, criteria[0].id] } })).updateRound;
    expect(edited).toMatchObject({ title: 'Edited draft', status: 'DRAFT', anonymous: false, liveResults: true, closesAt, eligibleSectors: ['HE'], rule: { agree: 0.8 } });
    expect(edited.items.map((i: { criterion: { id: string }; position: number }) => [i.criterion.id, i.position])).toEqual([[criteria[2].id, 1], [criteria[0].id, 2]]);
    // Left-out fields are unchanged; the lead may edit too.
    expect((await lead.ok(UPDATE, { i: { id: round.id, title: 'Renamed' } })).updateRound).toMatchObject({ title: 'Renamed', closesAt, liveResults: true });

    // Same validation as createRound, each with its field, writing nothing.
    const refused = async (i: Record<string, unknown>) => (await editor.gql(UPDATE, { i: { id: round.id, ...i } })).errors![0].extensions;
    expect(await refused({ closesAt: new Date(Date.now() - 1000).toISOString() })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
    expect(await refused({ opensAt: new Date(Date.now() + 9 * 86400_000).toISOString() })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
    expect(await refused({ criterionIds: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionIds' });
    expect(await refused({ criterionIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionIds' });
    expect(codeOf(await memberHe.gql(UPDATE, { i: { id: round.id, title: 'Mine now' } }))).toBe('FORBIDDEN');
    expect(codeOf(await observer.gql(UPDATE, { i: { id: round.id, title: 'Mine now' } }))).toBe('FORBIDDEN');
    expect((await lead.ok(ROUND, { id: round.id })).round).toMatchObject({ title: 'Renamed', items: [{}, {}] });

    // A draft whose closing time has passed cannot open until it is given a new one.
    await server.db.query(`UPDATE consensus_rounds SET closes_at = now() - interval '1 hour' WHERE id = $1`, [round.id]);
    const stale = await editor.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOSING_TIME_PASSED' });
    await editor.ok(UPDATE, { i: { id: round.id, closesAt } });
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });

    // Open: frozen.
    const frozen = await editor.gql(UPDATE, { i: { id: round.id, closesAt: new Date(Date.now() + 86400_000).toISOString() } });
    expect(codeOf(frozen)).toBe('CONFLICT');
    expect(codeOf(await editor.gql(UPDATE, { i: { id: round.id, criterionIds: [criteria[3].id] } }))).toBe('CONFLICT');
    expect((await lead.ok(ROUND, { id: round.id })).round.items).toHaveLength(2);
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round.id });
  });

  it('1,000 concurrent ballots from 200 members over 5 items: exact tallies, no duplicates, every last choice counted', async () => {
    const round = (await create(editor, { title: 'Load round' })).data!.createRound;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
    const voters = await makeVoters(200, (i) => (i % 2 ? 'HE' : 'NHS'));
    const items: string[] = round.items.map((x: { id: string }) => x.id);
    // Each voter sends 5 requests at once: a first score for every item, then four changes; the
    // last request they send carries their final choice for every item.
    const finalRating = (v: number, item: number) => ((v + item) % 9) + 1;
    const requests: Promise<unknown>[] = [];
    for (let v = 0; v < 200; v++) {
      for (let k = 0; k < 4; k++) requests.push(cast(voters[v], round.id, items.map((itemId) => ({ itemId, rating: ((v * 7 + k) % 9) + 1 }))));
    }
    const firstWave = await Promise.all(requests);
    expect(firstWave.every((r) => !(r as { errors?: unknown }).errors)).toBe(true);
    const finals = await Promise.all(voters.map((api, v) => cast(api, round.id, items.map((itemId, i) => ({ itemId, rating: finalRating(v, i), rationale: `reason ${v}` })))));
    expect(finals.every((r) => !r.errors)).toBe(true);
    const counts = await server.db.query('SELECT item_id, count(*)::int AS n, count(DISTINCT voter_key)::int AS d FROM ballots WHERE round_id = $1 GROUP BY item_id', [round.id]);
    expect(counts.rows).toHaveLength(5);
    for (const row of counts.rows) expect(row).toMatchObject({ n: 200, d: 200 });
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round.id });
    // A closed round's results are fixed: computed once from the 1,000 ballots, then read from memory
    // with no statement for the ballots, and the same.
    const RESULTS = `query($id: ID!) { round(id: $id) { items { id result { n median q1 q3 distribution highShare verdict rationales bySector { sector n median suppressed } } } } }`;
    // X-SQL-Statements counts for the whole process: a request's own are the difference from the one before.
    const readResults = async () => {
      const before = Number((await lead.gql(`{ me { id } }`)).headers.get('x-sql-statements'));
      const r = await lead.gql(RESULTS, { id: round.id });
      expect(r.errors).toBeUndefined();
      return { statements: Number(r.headers.get('x-sql-statements')) - before, data: r.data };
    };
    const computed = await readResults();
    const kept = [await readResults(), await readResults(), await readResults()];
    for (const k of kept) expect(k.data).toEqual(computed.data);
    expect(Math.min(...kept.map((k) => k.statements))).toBeLessThan(computed.statements);
    const result = await lead.ok(ROUND, { id: round.id });
    result.round.items.forEach((item: { result: { n: number; distribution: number[] } }, i: number) => {
      const expected = Array(9).fill(0);
      for (let v = 0; v < 200; v++) expected[finalRating(v, i) - 1]++;
      expect(item.result.n).toBe(200);
      expect(item.result.distribution).toEqual(expected);
    });
    expect(result.round.votedCount).toBe(200);
  });

  describe('a first round taken to verdicts, then a second', () => {
    let roundId: string;
    let items: string[];
    let voters: Api[];

    it('freezes the rule and items when it opens; eligibility by role and sector', async () => {
      const r = (await create(editor, { title: 'Criteria for models of good practice', eligibleSectors: ['HE', 'NHS', 'SECTOR_BODY'], rule: { crossSector: false } })).data!.createRound;
      roundId = r.id;
      items = r.items.map((x: { id: string }) => x.id);
      expect(codeOf(await cast(memberHe, roundId, [{ itemId: items[0], rating: 8 }]))).toBe('CONFLICT'); // still a draft
      await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: roundId });
      expect(codeOf(await editor.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: roundId }))).toBe('CONFLICT');
      expect(codeOf(await cast(observer, roundId, [{ itemId: items[0], rating: 8 }]))).toBe('FORBIDDEN');
      expect(codeOf(await cast(reviewer, roundId, [{ itemId: items[0], rating: 8 }]))).toBe('FORBIDDEN');
      // A member of a sector the round does not include.
      const other = (await makeVoters(1, () => 'STUDENT'))[0];
      expect(codeOf(await cast(other, roundId, [{ itemId: items[0], rating: 8 }]))).toBe('FORBIDDEN');
      expect((await other.ok(ROUND, { id: roundId })).round.canVote).toBe(false);
    });

    it('refuses scores outside the scale and items not in the round, writing nothing', async () => {
      const before = (await server.db.query('SELECT count(*)::int AS n FROM ballots WHERE round_id = $1', [roundId])).rows[0].n;
      for (const [scores, field] of [
        [[{ itemId: items[0], rating: 10 }], 'scores.0.rating'],
        [[{ itemId: items[0], rating: 0 }], 'scores.0.rating'],
        [[{ itemId: items[0], choice: 'AGREE' }], 'scores.0.rating'],
        [[{ itemId: items[0], rating: 5 }, { itemId: '00000000-0000-4000-8000-000000000000', rating: 5 }], 'scores.1.itemId'],
        [[{ itemId: items[0], rating: 5 }, { itemId: items[0], rating: 6 }], 'scores.1.itemId'],
      ] as const) {
        const r = await cast(memberHe, roundId, scores as unknown[]);
        expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect((await server.db.query('SELECT count(*)::int AS n FROM ballots WHERE round_id = $1', [roundId])).rows[0].n).toBe(before);
    });

    it('a declared interest recuses the member from that item', async () => {
      const c = criteria[4].id;
      await memberNhs.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "I lead one of the candidate services.") { id } }`, { c });
      const r = await cast(memberNhs, roundId, [{ itemId: items[4], rating: 9 }]);
      expect(r.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECUSED' });
      expect((await memberNhs.ok(ROUND, { id: roundId })).round.items[4].recused).toBe(true);
    });

    it('hides results until close; a ballot can be changed; the lead sees who voted, not how', async () => {
      voters = await makeVoters(12, (i) => (i < 6 ? 'HE' : 'NHS'));
      // Items 1–2: strong agreement; item 3: split; item 4: strong disagreement; item 5: split.
      const ratings = [[9, 8, 8, 9, 7, 8], [7, 8, 9, 9, 9, 7], [2, 8, 5, 9, 3, 6], [1, 2, 1, 3, 2, 1], [4, 6, 8, 2, 9, 5]];
      await Promise.all(voters.map((api, v) => cast(api, roundId, ratings.map((rs, i) => ({ itemId: items[i], rating: rs[v % 6], rationale: i === 2 ? `view ${v}` : undefined })))));
      expect((await cast(memberHe, roundId, [{ itemId: items[0], rating: 2 }])).errors).toBeUndefined();
      expect((await cast(memberHe, roundId, [{ itemId: items[0], rating: 9, rationale: 'Changed my mind.' }])).errors).toBeUndefined();
      expect((await cast(editor, roundId, [{ itemId: items[0], rating: 8 }])).errors).toBeUndefined(); // the only SECTOR_BODY voter
      const mine = await memberHe.ok(ROUND, { id: roundId });
      expect(mine.round.myBallot).toEqual([{ itemId: items[0], rating: 9, rationale: 'Changed my mind.' }]);
      expect(mine.round.items.every((i: { result: unknown }) => i.result === null)).toBe(true);
      expect((await lead.ok(ROUND, { id: roundId })).round.items.every((i: { result: unknown }) => i.result === null)).toBe(true);
      const voted = await lead.ok(`query($id: ID!) { round(id: $id) { votedCount voters { user { email } } } }`, { id: roundId });
      expect(voted.round.votedCount).toBe(14);
      expect(voted.round.voters.map((m: { user: { email: string } }) => m.user.email)).toContain(DEMO.memberHe);
      expect(codeOf(await editor.gql(`query($id: ID!) { round(id: $id) { voters { id } } }`, { id: roundId }))).toBe('FORBIDDEN');
    });

    it('roundChanged reaches members, not reviewers or non-members', async () => {
      const SUB = `subscription($r: ID!) { roundChanged(roundId: $r) { id status votedCount } }`;
      const member = subscribe(server.url, SUB, { r: roundId }, { token: observer.token });
      const outsider = subscribe(server.url, SUB, { r: roundId }, { token: reviewer.token });
      await new Promise((r) => setTimeout(r, 300));
      await cast(memberNhs, roundId, [{ itemId: items[0], rating: 8 }]);
      await eventually(() => member.events.length > 0, 'the member to hear of the ballot');
      expect(member.events[0].roundChanged).toMatchObject({ id: roundId, status: 'OPEN' });
      expect(outsider.events).toEqual([]);
      expect(outsider.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      await Promise.all([member.stop(), outsider.stop()]);
    });

    it('closes to verdicts by the COMET rule, drafts decisions, and suppresses small sector cells', async () => {
      await lead.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: roundId });
      expect(codeOf(await cast(memberHe, roundId, [{ itemId: items[0], rating: 5 }]))).toBe('CONFLICT');
      const r = (await memberHe.ok(ROUND, { id: roundId })).round;
      expect(r.items.map((i: { result: { verdict: string } }) => i.result.verdict)).toEqual(['INCLUDE', 'INCLUDE', 'NO_CONSENSUS', 'EXCLUDE', 'NO_CONSENSUS']);
      const first = r.items[0].result;
      expect(first.bySector.find((s: { sector: string }) => s.sector === 'HE')).toMatchObject({ n: 7, suppressed: false });
      // One sector-body voter: in an anonymous round that cell is suppressed, so it cannot identify them.
      expect(first.bySector.find((s: { sector: string }) => s.sector === 'SECTOR_BODY')).toEqual({ sector: 'SECTOR_BODY', n: null, median: null, suppressed: true });
      expect(first.bySector.map((s: { sector: string }) => s.sector).sort()).toEqual(['HE', 'NHS', 'SECTOR_BODY']);
      expect(r.items[2].result.rationales).toEqual(expect.arrayContaining(['view 0', 'view 11']));
      const decisions = await lead.ok(`query($id: ID!) { workspace(id: $id) { decisions { ref status statement resultSummary } } }`, { id: workspaceId });
      const drafted = decisions.workspace.decisions.filter((d: { resultSummary: string | null }) => d.resultSummary);
      expect(drafted.map((d: { status: string }) => d.status)).toEqual(['PROPOSED', 'PROPOSED', 'PROPOSED']);
      expect(drafted.map((d: { statement: string }) => d.statement.split(':')[0])).toEqual([
        'Models of good practice should meet this criterion',
        'Models of good practice should meet this criterion',
        'This is not a criterion for models of good practice',
      ]);
      expect(decisions.workspace.decisions.map((d: { ref: string }) => d.ref)).toEqual(decisions.workspace.decisions.map((_: unknown, i: number) => `D-${String(i + 1).padStart(3, '0')}`));
      const csv = (await observer.ok(`query($r: ID!) { roundResultsCsv(roundId: $r) }`, { r: roundId })).roundResultsCsv as string;
      expect(csv.split('\r\n')[0]).toBe('Item,Criterion,Sector,n,Median,Q1,Q3,IQR,Rated 1-3,Rated 4-6,Rated 7-9,Verdict');
      expect(csv).toContain('INCLUDE');
    });

    it('a next round carries forward the items without consensus, with each voter’s previous score', async () => {
      const next = await editor.ok(`mutation($id: ID!) { nextRound(id: $id) { id number items { criterion { statement } } } }`, { id: roundId });
      expect(next.nextRound.number).toBe(2);
      const closesAt = new Date(Date.now() + 86400_000).toISOString();
      const edited = await editor.ok(`mutation($i: UpdateRoundInput!) { updateRound(input: $i) { closesAt items { id } } }`, { i: { id: next.nextRound.id, closesAt } });
      expect(edited.updateRound.closesAt).toBe(closesAt);
      expect(edited.updateRound.items).toHaveLength(2);
      expect(next.nextRound.items.map((i: { criterion: { statement: string } }) => i.criterion.statement)).toEqual([criteria[2].statement, criteria[4].statement]);
      const seen = await voters[0].ok(ROUND, { id: next.nextRound.id });
      // Item 3 was rated 2, 8, 5, 9, 3, 6 by voters 0–5 and again by 6–11.
      expect(seen.round.items[0].previous).toEqual({ distribution: [0, 2, 2, 0, 2, 2, 0, 2, 2], myRating: 2 });
    });
  });

  it('in an anonymous round nothing joins a score to a voter: not the API, the ballots table, the audit log or notifications', async () => {
    const columns = await server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'ballots'`);
    expect(columns.rows.map((c) => c.column_name).sort()).toEqual(['choice', 'id', 'item_id', 'rating', 'rationale', 'round_id', 'sector', 'voter_key']);
    const users = await server.db.query('SELECT id FROM users');
    const keys = (await server.db.query('SELECT DISTINCT voter_key FROM ballots')).rows.map((r) => r.voter_key as string);
    for (const u of users.rows) for (const k of keys) expect(k).not.toContain(u.id.replace(/-/g, ''));
    const audit = JSON.stringify((await server.db.query(`SELECT data FROM audit_events WHERE action LIKE 'round.%'`)).rows);
    expect(audit).not.toMatch(/rating|voter|score/i);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM notifications WHERE message ILIKE '%rated%'`)).rows[0].n).toBe(0);
    // Every field a lead can reach on a round: no user, member or voter identity next to a score.
    const everything = await lead.ok(`query($w: ID!) { workspace(id: $w) { rounds { id anonymous items { result { rationales bySector { sector n } } } myBallot { itemId } } } }`, { w: workspaceId });
    expect(JSON.stringify(everything)).not.toMatch(/@example\.org|@demo\.concord\.test|Voter \d/);
  });

  it('declaring an interest after voting withdraws that score from open rounds, and only that one', async () => {
    const round = (await create(editor, { title: 'Interest after voting', liveResults: true, criterionIds: [criteria[0].id, criteria[1].id] })).data!.createRound;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
    const [first, second] = round.items.map((x: { id: string }) => x.id);
    const [other] = await makeVoters(1, () => 'HE');
    await memberHe.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: round.id, s: [{ itemId: first, rating: 9 }, { itemId: second, rating: 3 }] });
    await other.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: round.id, s: [{ itemId: second, rating: 8 }] });
    const n = async () => (await lead.ok(ROUND, { id: round.id })).round.items.map((i: { result: { n: number } }) => i.result.n);
    expect(await n()).toEqual([1, 2]);
    await memberHe.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "I chair a service that would be assessed.") { id } }`, { c: criteria[1].id });
    expect(await n()).toEqual([1, 1]);
    const mine = (await memberHe.ok(ROUND, { id: round.id })).round;
    expect(mine.myBallot).toEqual([{ itemId: first, rating: 9, rationale: null }]);
    expect(mine.items.map((i: { recused: boolean }) => i.recused)).toEqual([false, true]);
    expect((await cast(memberHe, round.id, [{ itemId: second, rating: 3 }])).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECUSED' });
  });

  it('rounds(status) keeps the rounds in that state only, newest first (the dashboard asks for the open ones)', async () => {
    const LIST = `query($w: ID!, $s: RoundStatus) { workspace(id: $w) { rounds(status: $s) { id status } } }`;
    const draft = (await create(editor, { title: 'Still a draft' })).data!.createRound;
    expect(draft.status).toBe('DRAFT');
    const all = (await memberHe.ok(LIST, { w: workspaceId })).workspace.rounds as { id: string; status: string }[];
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['DRAFT', 'OPEN', 'CLOSED']));
    for (const status of ['DRAFT', 'OPEN', 'CLOSED']) {
      const some = (await memberHe.ok(LIST, { w: workspaceId, s: status })).workspace.rounds;
      expect(some).toEqual(all.filter((r) => r.status === status));
    }
    expect((await memberHe.gql(LIST, { w: workspaceId, s: 'ARCHIVED' })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
