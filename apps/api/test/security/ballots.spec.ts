// Ballots under load and the secrecy of an anonymous round, against the real server and PostgreSQL.
//   1,000 concurrent submissions from 200 voters, each scoring one item of five (so every final score is
//     known whatever the order): exact tallies per item and per sector, one ballot per voter and item.
//   The same anonymous round of 1,000 ballots, closed: nothing links a voter to a score in the server's
//     log (LOG_LEVEL=debug), audit_events, notifications, activity, the exports (round CSV, decision log,
//     guidance and methods report with their results appendices), the audit log and activity feed as
//     the lead sees them, or the errors of refused ballots (after close, out of scale, unknown item,
//     ineligible, observer, recused). consensus.spec.ts covers the API fields and the ballots table.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, DEMO, GqlError } from '../support/graphql';
import { startServer, TestServer } from '../support/server';

const SECRET = 'ballots-test-secret-0123456789abcdef0123456789ab';
const VOTERS = 200;
const ITEMS = 5;

interface Voter {
  api: Api;
  userId: string;
  memberId: string;
  email: string;
  name: string;
  sector: string;
  /** A string only this voter's rationales carry. */
  mark: string;
}

/**
 * Each voter's score of each item: fixed, so the tallies are known before any request is sent. Item 1
 * is agreed (7–9), item 2 rejected (1–3), so closing drafts decisions from the round; the rest are spread.
 */
const ratingOf = (v: number, item: number) => (item === 0 ? 7 + (v % 3) : item === 1 ? 1 + (v % 3) : ((v * 7 + item * 3) % 9) + 1);

describe('ballots', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, observer: Api;
  let workspaceId: string;
  let criteria: string[];
  let voters: Voter[];
  let roundId: string;
  let items: string[];
  const refusals: { who: number; errors: GqlError[] }[] = [];

  async function makeVoter(i: number, tag: string, sector: string): Promise<Voter> {
    const email = `ballot.voter.${i}.${tag}@example.org`;
    const name = `Ballotvoter ${i} ${tag}`;
    const u = await server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [email, name]);
    const m = await server.db.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) VALUES ($1, $2, 'MEMBER', 'Org', $3) RETURNING id`, [workspaceId, u.rows[0].id, sector]);
    const token = randomBytes(32).toString('base64url');
    await server.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [u.rows[0].id, createHmac('sha256', SECRET).update(token).digest('hex')]);
    return { api: anon.as(token), userId: u.rows[0].id, memberId: m.rows[0].id, email, name, sector, mark: `why${randomBytes(5).toString('hex')}` };
  }

  const cast = (who: Api, scores: unknown[], round = roundId) => who.gql(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId rating } }`, { r: round, s: scores });
  const voterKey = (userId: string) => createHmac('sha256', SECRET).update(`ballot:${roundId}:${userId}`).digest('hex');

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET: SECRET, LOG_LEVEL: 'debug' } });
    anon = new Api(server.url);
    [lead, editor, observer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.observer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id criteria { id status } } }`);
    workspaceId = ws.workspaces[0].id;
    criteria = ws.workspaces[0].criteria.filter((c: { status: string }) => c.status === 'CANDIDATE').map((c: { id: string }) => c.id);
    expect(criteria.length).toBeGreaterThanOrEqual(ITEMS);
    const tag = randomBytes(3).toString('hex');
    voters = [];
    for (let i = 0; i < VOTERS; i++) voters.push(await makeVoter(i, tag, i % 3 === 0 ? 'NHS' : 'HE'));
  }, 120_000);
  afterAll(() => server?.close());

  it('1,000 concurrent submissions from 200 voters: exact tallies, one ballot per voter and item', async () => {
    const created = await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, {
      i: { workspaceId, title: 'Secret ballot under load', scale: 'LIKERT_9', anonymous: true, criterionIds: criteria.slice(0, ITEMS) },
    });
    roundId = created.createRound.id;
    items = created.createRound.items.map((x: { id: string }) => x.id);
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: roundId });

    // All 1,000 at once: voter v sends five requests, one per item, with its own rationale mark. A
    // request whose connection is reset before any answer (a loaded machine's accept queue, a keep-alive
    // socket closed as it was reused) is sent again, as a client would: a ballot is an upsert, so a
    // repeat changes nothing. The repeats are counted and printed.
    let resent = 0;
    const submit = async (api: Api, scores: unknown[]) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await cast(api, scores);
        } catch (e) {
          if (attempt === 3 || !(e instanceof TypeError)) throw e;
          resent++;
        }
      }
    };
    const requests = voters.flatMap((v, vi) => items.map((itemId, k) => submit(v.api, [{ itemId, rating: ratingOf(vi, k), rationale: `${v.mark} on item ${k + 1}` }])));
    expect(requests).toHaveLength(1000);
    const started = Date.now();
    const answers = await Promise.all(requests);
    const elapsed = Date.now() - started;
    const failed = answers.filter((r) => r.errors?.length || !r.data);
    expect(failed).toEqual([]);

    const rows = await server.db.query('SELECT item_id, count(*)::int AS n, count(DISTINCT voter_key)::int AS d FROM ballots WHERE round_id = $1 GROUP BY item_id ORDER BY item_id', [roundId]);
    expect(rows.rows).toHaveLength(ITEMS);
    for (const row of rows.rows) expect(row).toMatchObject({ n: VOTERS, d: VOTERS });
    // Every stored score is the one sent, under the key of the voter who sent it.
    const stored = await server.db.query('SELECT item_id, voter_key, rating FROM ballots WHERE round_id = $1', [roundId]);
    const byKey = new Map(voters.map((v, vi) => [voterKey(v.userId), vi]));
    let exact = 0;
    for (const b of stored.rows) {
      const vi = byKey.get(b.voter_key);
      expect(vi).toBeDefined();
      expect(b.rating).toBe(ratingOf(vi!, items.indexOf(b.item_id)));
      exact++;
    }
    expect(exact).toBe(1000);

    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: roundId });
    const result = await lead.ok(`query($id: ID!) { round(id: $id) { votedCount items { result { n distribution bySector { sector n suppressed } } } } }`, { id: roundId });
    expect(result.round.votedCount).toBe(VOTERS);
    result.round.items.forEach((item: { result: { n: number; distribution: number[]; bySector: { sector: string; n: number }[] } }, k: number) => {
      const expected = Array(9).fill(0);
      voters.forEach((_, vi) => expected[ratingOf(vi, k) - 1]++);
      expect(item.result.n).toBe(VOTERS);
      expect(item.result.distribution).toEqual(expected);
      const nhs = voters.filter((v) => v.sector === 'NHS').length;
      expect(Object.fromEntries(item.result.bySector.map((s) => [s.sector, s.n]))).toEqual({ NHS: nhs, HE: VOTERS - nhs });
    });
    process.stdout.write(`ballots: ${requests.length} concurrent submissions from ${VOTERS} voters in ${elapsed} ms (${resent} resent after a reset connection); ${exact} ballots stored, tallies exact\n`);
  }, 120_000);

  it('refused ballots say why without naming anyone or echoing a score', async () => {
    // After close: a sample of voters try again.
    for (let vi = 0; vi < 40; vi++) refusals.push({ who: vi, errors: (await cast(voters[vi].api, [{ itemId: items[0], rating: 9, rationale: voters[vi].mark }])).errors ?? [] });
    // In a second, open round: out-of-scale ratings, unknown and repeated items, an observer, an ineligible sector, a recusal.
    const second = await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, {
      i: { workspaceId, title: 'Secret ballot, refusals', scale: 'LIKERT_9', anonymous: true, criterionIds: criteria.slice(0, 2), eligibleSectors: ['HE'] },
    });
    const r2 = second.createRound.id as string;
    const [i1, i2] = second.createRound.items.map((x: { id: string }) => x.id);
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: r2 });
    const he = voters.map((v, vi) => ({ v, vi })).filter((x) => x.v.sector === 'HE');
    const nhs = voters.map((v, vi) => ({ v, vi })).filter((x) => x.v.sector === 'NHS');
    for (const [n, { v, vi }] of he.slice(0, 30).entries()) {
      const bad = [
        [{ itemId: i1, rating: 10 + n, rationale: v.mark }],
        [{ itemId: i1, rating: 0, rationale: v.mark }],
        [{ itemId: i1, rating: 5 }, { itemId: '00000000-0000-4000-8000-000000000000', rating: 7 }],
        [{ itemId: i2, rating: 4 }, { itemId: i2, rating: 6, rationale: v.mark }],
      ][n % 4];
      refusals.push({ who: vi, errors: (await cast(v.api, bad, r2)).errors ?? [] });
    }
    for (const { v, vi } of nhs.slice(0, 10)) refusals.push({ who: vi, errors: (await cast(v.api, [{ itemId: i1, rating: 8, rationale: v.mark }], r2)).errors ?? [] });
    refusals.push({ who: -1, errors: (await cast(observer, [{ itemId: i1, rating: 8 }], r2)).errors ?? [] });
    const recused = he[he.length - 1];
    const c1 = (await lead.ok(`query($id: ID!) { round(id: $id) { items { criterion { id } } } }`, { id: r2 })).round.items[0].criterion.id;
    await recused.v.api.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "I run one of the candidate services.") { id } }`, { c: c1 });
    refusals.push({ who: recused.vi, errors: (await cast(recused.v.api, [{ itemId: i1, rating: 2, rationale: recused.v.mark }], r2)).errors ?? [] });
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: r2 });

    expect(refusals.every((r) => r.errors.length > 0 && r.errors.every((e) => typeof e.extensions?.code === 'string'))).toBe(true);
    const codes = new Set(refusals.flatMap((r) => r.errors.map((e) => e.extensions!.code)));
    expect([...codes].sort()).toEqual(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN']);
    const texts = refusals.flatMap((r) => r.errors.map((e) => JSON.stringify(e)));
    const named = texts.filter((t) => identityIn(t).length > 0);
    // An echo: a rationale mark, or a score object (`"rating": …`, `"choice": …`, `"scores": …`) in the error.
    const echoed = texts.filter((t) => /why[0-9a-f]{10}/.test(t) || /"(rating|choice|scores)"\s*:/.test(t));
    process.stdout.write(`ballots: ${texts.length} error messages of refused ballots scanned; ${named.length} name a voter, ${echoed.length} echo a score or rationale\n`);
    expect(named).toEqual([]);
    expect(echoed).toEqual([]);
  }, 60_000);

  /** Identity strings of our voters found in a text: user id, member id, email, name, ballot key. */
  function identityIn(text: string): string[] {
    const found: string[] = [];
    const lower = text.toLowerCase();
    for (const v of voters) {
      for (const s of [v.userId, v.memberId, v.email, v.name, voterKey(v.userId)]) if (lower.includes(s.toLowerCase())) found.push(s);
    }
    return found;
  }

  /**
   * A link: one record (a log line, an audit row, a notification, a line of an export) that holds a
   * voter's identity and a score: their rationale mark, their ballot key, or a rating/score/choice field.
   */
  function linksIn(records: string[]): { scanned: number; identities: number; links: string[] } {
    let identities = 0;
    const links: string[] = [];
    for (const r of records) {
      const who = voters.filter((v) => [v.userId, v.memberId, v.email, v.name].some((s) => r.toLowerCase().includes(s.toLowerCase())));
      if (who.length === 0) continue;
      identities++;
      const anyMark = voters.some((v) => r.includes(v.mark));
      const anyKey = voters.some((v) => r.includes(voterKey(v.userId)));
      if (anyMark || anyKey || /"?\b(rating|score|scores|choice|ballot)\b"?\s*[:=]/i.test(r)) links.push(r.slice(0, 300));
    }
    return { scanned: records.length, identities, links };
  }

  it('an anonymous round of 1,000 ballots leaves no link between voter and score anywhere it writes', async () => {
    // The server's own output, at debug level, for everything above.
    const log = server.output().split('\n').filter((l) => l.trim());
    const audit = (await server.db.query(`SELECT row_to_json(a)::text AS r FROM audit_events a`)).rows.map((r) => r.r as string);
    const notifications = (await server.db.query(`SELECT row_to_json(n)::text AS r FROM notifications n`)).rows.map((r) => r.r as string);
    const activity = (await server.db.query(`SELECT row_to_json(e)::text AS r FROM activity_events e`)).rows.map((r) => r.r as string);
    const decisions = (await server.db.query(`SELECT row_to_json(d)::text AS r FROM decisions d`)).rows.map((r) => r.r as string);

    // Exports, as the lead (who sees the most): the round CSV, the decision log, guidance and methods report files.
    const csv = (await lead.ok(`query($r: ID!) { roundResultsCsv(roundId: $r) }`, { r: roundId })).roundResultsCsv as string;
    expect(csv.split('\r\n').length).toBeGreaterThan(ITEMS);
    const decisionLog = await Promise.all(['CSV', 'MARKDOWN'].map(async (f) => (await lead.ok(`query($w: ID!) { decisionLogExport(workspaceId: $w, format: ${f}) }`, { w: workspaceId })).decisionLogExport as string));
    const documentId = (await lead.ok(`{ workspaces { documents { id } } }`)).workspaces[0].documents[0].id as string;
    const file = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${lead.token}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const guidance = await file(`/exports/guidance/${documentId}.md?appendices=decisions,results`);
    expect(guidance).toContain('Secret ballot under load');
    const methods = await file(`/exports/methods/${workspaceId}.md`);
    // What the lead can read in the app: the audit log and the activity feed.
    const seen = await lead.ok(`query($w: ID!) { workspace(id: $w) { auditLog(limit: 500) { action actorName summary createdAt } activity(limit: 200) { kind label actorName } } }`, { w: workspaceId });
    const exportsText = [csv, ...decisionLog, guidance, methods].join('\n');
    const exportLines = exportsText.split(/\r?\n/);
    const appRecords = [...seen.workspace.auditLog, ...seen.workspace.activity].map((x: unknown) => JSON.stringify(x));

    const scans = {
      log: linksIn(log),
      audit: linksIn(audit),
      notifications: linksIn(notifications),
      activity: linksIn(activity),
      decisions: linksIn(decisions),
      exports: linksIn(exportLines),
      app: linksIn(appRecords),
    };
    for (const [where, s] of Object.entries(scans)) process.stdout.write(`ballots: ${where}: ${s.scanned} records scanned, ${s.identities} name a voter, ${s.links.length} links voter↔score\n`);
    expect(Object.fromEntries(Object.entries(scans).map(([k, s]) => [k, s.links]))).toEqual({ log: [], audit: [], notifications: [], activity: [], decisions: [], exports: [], app: [] });

    // Stronger, where nothing of a voter belongs at all: no voter's identity in any export, no ballot key
    // or rationale mark in the log, audit, notifications or activity.
    expect(identityIn(exportsText)).toEqual([]);
    const written = [...log, ...audit, ...notifications, ...activity, ...appRecords].join('\n');
    expect(voters.filter((v) => written.includes(v.mark) || written.includes(voterKey(v.userId))).map((v) => v.email)).toEqual([]);
    // The scanner finds a link where there is one (a control), and the marks it looks for are real: the
    // round's results publish the rationales, unattributed.
    expect(linksIn([JSON.stringify({ actor: voters[7].email, rating: 5 }), `voter ${voters[8].name} wrote ${voters[9].mark}`]).links).toHaveLength(2);
    const rationales = (await lead.ok(`query($id: ID!) { round(id: $id) { items { result { rationales } } } }`, { id: roundId })).round.items.flatMap((i: { result: { rationales: string[] } }) => i.result.rationales);
    expect(voters.every((v) => rationales.some((r: string) => r.includes(v.mark)))).toBe(true);
    expect(scans.decisions.scanned).toBeGreaterThanOrEqual(2); // the decisions drafted at close were scanned too
    const total = Object.values(scans).reduce((n, s) => n + s.scanned, 0);
    process.stdout.write(`ballots: anonymous round of 1000 ballots: ${total} records scanned, 0 links\n`);
  }, 60_000);
});
