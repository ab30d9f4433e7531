// Per-request DataLoaders: interleaved requests from two users with different rights never see each
// other's values, and the loader-backed fields cost a constant number of SQL statements per request
// however long the lists are. Statements are counted by a small PostgreSQL wire-protocol proxy between
// the server and the database (Query and Execute messages), so the count is the server's real traffic.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { createServer, Server, Socket, connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Api, DEMO, GqlResponse } from '../support/graphql';
import { rng } from '../support/collab';
import { adminUrl, createDatabase, ServerProcess, spawnServer, withDatabase } from '../support/server';

/** Forwards PostgreSQL connections and counts the statements clients send. */
class StatementCounter {
  statements = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly upstream: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((res) => this.server!.listen(0, '127.0.0.1', res));
    return (this.server.address() as { port: number }).port;
  }

  private pipe(client: Socket) {
    const db = connect(this.upstream.port, this.upstream.host);
    this.sockets.add(client).add(db);
    let buffered = Buffer.alloc(0);
    let started = false; // the startup message (and an SSL/GSS request) has no type byte
    client.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (!started) {
          if (buffered.length < 8) break;
          const len = buffered.readInt32BE(0);
          if (buffered.length < len) break;
          const code = buffered.readInt32BE(4);
          if (code !== 80877103 && code !== 80877104) started = true;
          buffered = buffered.subarray(len);
          continue;
        }
        if (buffered.length < 5) break;
        const len = buffered.readInt32BE(1);
        if (buffered.length < len + 1) break;
        const type = String.fromCharCode(buffered[0]);
        if (type === 'Q' || type === 'E') this.statements++;
        buffered = buffered.subarray(len + 1);
      }
      db.write(chunk);
    });
    db.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      db.destroy();
      this.sockets.delete(client);
      this.sockets.delete(db);
    };
    client.on('close', close).on('error', close);
    db.on('close', close).on('error', close);
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((res) => this.server?.close(res));
  }
}

/** The comparable part of a response: data, and each error's code and path (messages may vary). */
/**
 * What a user was shown: the data, and the codes of the errors. Not the errors' paths: when several fields
 * of a non-null parent are refused (a member asking for the lead's view: invitations and voters), whichever
 * resolver refuses first nulls the parent and is the one reported, and that order varies with the machine's
 * load; the data shows what was withheld either way.
 */
function view(r: GqlResponse) {
  return { data: r.data ?? null, errors: (r.errors ?? []).map((e) => String(e.extensions?.code)).sort() };
}

/** Leaf values of `actual` that differ from `expected` (missing or extra leaves count too). */
function differingLeaves(expected: unknown, actual: unknown): number {
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object') {
    if (expected === actual) return 0;
    return Math.max(1, countLeaves(expected), countLeaves(actual));
  }
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  let n = 0;
  for (const k of keys) n += differingLeaves((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]);
  return n;
}
function countLeaves(v: unknown): number {
  if (v === null || typeof v !== 'object') return v === undefined ? 0 : 1;
  return Object.values(v as object).reduce<number>((n, x) => n + countLeaves(x), 0);
}

const WORKSPACE_VIEW = `query($id: ID!) { workspace(id: $id) { id name myRole
  members { id role user { id name email } }
  documents { id title versions { id name } }
  rounds { id title status votedCount eligibleCount items { id criterion { id statement } recused result { n median verdict distribution } } }
  findings { id text source { id title } }
  decisions { id ref links { kind id label } }
} }`;
const LEAD_VIEW = `query($id: ID!) { workspace(id: $id) { id invitations { email invitedBy { id user { name } } } rounds { id voters { id user { name } } } } }`;
const ROUND_VIEW = `query($id: ID!) { round(id: $id) { id votedCount eligibleCount items { id recused criterion { statement } result { n distribution verdict } } } }`;
const BALLOT_VIEW = `query($id: ID!) { round(id: $id) { id myBallot { itemId rating } } }`;

describe('per-request DataLoaders', () => {
  let counter: StatementCounter;
  let server: ServerProcess;
  let drop: () => Promise<void>;
  let db: Pool;
  let anon: Api;
  let x: Api; // lead of workspace A, not a member of B
  let y: Api; // observer in A, lead of B
  let wsA: string;
  let wsB: string;
  let roundA: string;
  let roundB: string;

  const round = async (who: Api, workspaceId: string, criterionIds: string[], title: string, votes: { rating: number; skip?: string } | null) => {
    const r = await who.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id criterion { id } } } }`, {
      i: { workspaceId, title, scale: 'LIKERT_9', anonymous: false, criterionIds },
    });
    const id = r.createRound.id as string;
    await who.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id });
    if (votes) {
      const items = r.createRound.items as { id: string; criterion: { id: string } }[];
      const scores = items.filter((i) => i.criterion.id !== votes.skip).map((i) => ({ itemId: i.id, rating: votes.rating }));
      await who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: id, s: scores });
    }
    await who.ok(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id });
    return id;
  };
  const criterion = async (lead: Api, workspaceId: string, statement: string) => {
    const c = await lead.ok(`mutation($i: ProposeCriterionInput!) { proposeCriterion(input: $i) { id } }`, { i: { workspaceId, statement } });
    await lead.ok(`mutation($id: ID!) { acceptCriterion(id: $id) { id } }`, { id: c.proposeCriterion.id });
    return c.proposeCriterion.id as string;
  };
  const findings = async (who: Api, workspaceId: string, sources: number, perSource: number, tag: string) => {
    for (let s = 0; s < sources; s++) {
      const src = await who.ok(`mutation($w: ID!, $t: String!) { createSource(input: { workspaceId: $w, title: $t, authors: "Org", type: REPORT }) { id } }`, { w: workspaceId, t: `${tag} source ${s}` });
      for (let f = 0; f < perSource; f++) await who.ok(`mutation($s: ID!, $t: String!) { addFinding(input: { sourceId: $s, kind: CHALLENGE, text: $t }) { id } }`, { s: src.createSource.id, t: `${tag} finding ${s}.${f}` });
    }
  };
  const documents = async (who: Api, workspaceId: string, count: number, versions: number, tag: string) => {
    for (let d = 0; d < count; d++) {
      const doc = await who.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: `${tag} doc ${d}` } });
      for (let v = 0; v < versions; v++) await who.ok(`mutation($d: ID!, $n: String!) { createVersion(documentId: $d, name: $n) { id } }`, { d: doc.createDocument.id, n: `${tag} v${v}` });
    }
  };
  const invite = (who: Api, workspaceId: string, email: string) =>
    who.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId, email, role: 'MEMBER', organisation: 'Org', sector: 'HE' } });

  beforeAll(async () => {
    const admin = new URL(adminUrl());
    counter = new StatementCounter({ host: admin.hostname, port: Number(admin.port || 5432) });
    const proxyPort = await counter.listen();
    const database = await createDatabase();
    drop = database.drop;
    const viaProxy = new URL(withDatabase(adminUrl(), database.name));
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxyPort);
    server = await spawnServer({
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'concord-test-data-')),
      SEED_DEMO: 'true',
      SESSION_SECRET: randomBytes(32).toString('hex'),
    });
    db = new Pool({ connectionString: database.url, max: 2 });
    db.on('error', () => undefined);
    anon = new Api(server.url);
    x = await anon.login(DEMO.lead);
    y = await anon.login(DEMO.observer);
    const a = await x.ok(`{ workspaces { id criteria { id } } }`);
    wsA = a.workspaces[0].id;
    const criteriaA = (a.workspaces[0].criteria as { id: string }[]).map((c) => c.id);

    // Workspace A (X leads; Y observes): an interest of X's, rounds X voted in, findings, versions, invitations, a decision.
    await x.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "I run one of the services") { id } }`, { c: criteriaA[0] });
    roundA = await round(x, wsA, criteriaA, 'A round 1', { rating: 8, skip: criteriaA[0] });
    await round(x, wsA, criteriaA.slice(0, 3), 'A round 2', null);
    await findings(x, wsA, 2, 2, 'A');
    const docA = (await x.ok(`query($id: ID!) { workspace(id: $id) { documents { id } } }`, { id: wsA })).workspace.documents[0].id;
    await x.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "A draft") { id } }`, { d: docA });
    await invite(x, wsA, 'a.invitee@example.org');
    const srcA = (await x.ok(`query($id: ID!) { workspace(id: $id) { sources { id } } }`, { id: wsA })).workspace.sources[0].id;
    await x.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: { workspaceId: wsA, title: 'A decision', statement: 'S', rationale: 'R', sourceIds: [srcA] } });

    // Workspace B (Y leads; X is no member): its own criteria, an interest of Y's, a round Y voted in, and so on.
    wsB = (await y.ok(`mutation { createWorkspace(input: { name: "Workspace B", organisation: "Org B", sector: NHS }) { id } }`)).createWorkspace.id;
    const criteriaB = [await criterion(y, wsB, 'B criterion one'), await criterion(y, wsB, 'B criterion two'), await criterion(y, wsB, 'B criterion three')];
    await y.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "Mine") { id } }`, { c: criteriaB[2] });
    roundB = await round(y, wsB, criteriaB, 'B round 1', { rating: 2, skip: criteriaB[2] });
    await findings(y, wsB, 2, 2, 'B');
    await documents(y, wsB, 2, 1, 'B');
    await invite(y, wsB, 'b.invitee@example.org');
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await db?.end();
    await drop?.();
    await counter?.close();
  });

  it('1,000 interleaved requests from two users with different rights: 0 values served to the wrong user', async () => {
    const users = { x, y } as const;
    const queries = [
      { name: 'A workspace', q: WORKSPACE_VIEW, v: { id: wsA } },
      { name: 'A lead view', q: LEAD_VIEW, v: { id: wsA } },
      { name: 'B workspace', q: WORKSPACE_VIEW, v: { id: wsB } },
      { name: 'B lead view', q: LEAD_VIEW, v: { id: wsB } },
      { name: 'A round', q: ROUND_VIEW, v: { id: roundA } },
      { name: 'B round', q: ROUND_VIEW, v: { id: roundB } },
      { name: 'A ballot', q: BALLOT_VIEW, v: { id: roundA } },
      { name: 'B ballot', q: BALLOT_VIEW, v: { id: roundB } },
    ];
    // Each user's view, one request at a time.
    const expected = new Map<string, ReturnType<typeof view>>();
    for (const [who, api] of Object.entries(users)) for (const { name, q, v } of queries) expected.set(`${who}/${name}`, view(await api.gql(q, v)));
    const e = (k: string) => expected.get(k)!;

    // The views really differ by user, so a value served to the wrong user would show.
    type Ws = { members: unknown[]; rounds: { items: { recused: boolean; criterion: { statement: string } }[] }[]; findings: { source: { title: string } }[] };
    const xa = e('x/A workspace').data!.workspace as Ws;
    const ya = e('y/A workspace').data!.workspace as Ws;
    const yb = e('y/B workspace').data!.workspace as Ws;
    expect(e('x/A workspace').errors).toEqual([]);
    expect(e('x/A workspace').data!.workspace).toMatchObject({ myRole: 'LEAD' });
    expect(e('y/A workspace').data!.workspace).toMatchObject({ myRole: 'OBSERVER' });
    expect(xa.rounds.flatMap((r) => r.items).filter((i) => i.recused).length).toBeGreaterThan(0); // X's interest
    expect(ya.rounds.flatMap((r) => r.items).filter((i) => i.recused)).toEqual([]);
    expect(yb.rounds.flatMap((r) => r.items).filter((i) => i.recused).map((i) => i.criterion.statement)).toEqual(['B criterion three']);
    expect(yb.findings.every((f) => f.source.title.startsWith('B '))).toBe(true);
    expect(e('x/B workspace').data!.workspace).toBeNull();
    expect(e('x/B round').data!.round).toBeNull();
    expect(e('x/B lead view').data!.workspace).toBeNull();
    expect(e('x/A lead view').data!.workspace.invitations).toEqual([expect.objectContaining({ email: 'a.invitee@example.org', invitedBy: expect.objectContaining({ user: { name: expect.any(String) } }) })]);
    expect(e('y/A lead view').errors).toContain('FORBIDDEN');
    expect(e('y/B lead view').data!.workspace.invitations).toEqual([expect.objectContaining({ email: 'b.invitee@example.org' })]);
    expect(e('x/A ballot').data!.round.myBallot).toHaveLength(4); // recused from the first item
    expect(e('y/A ballot').errors).toEqual(['FORBIDDEN']);
    expect(e('y/B ballot').data!.round.myBallot.every((s: { rating: number }) => s.rating === 2)).toBe(true);

    // 1,000 requests in a fixed random order, 50 in flight at any time.
    const random = rng(20240202); // seeded: the interleaving is the same on every run
    const plan = Array.from({ length: 1000 }, () => ({ who: random() < 0.5 ? ('x' as const) : ('y' as const), query: queries[Math.floor(random() * queries.length)] }));
    let next = 0;
    let wrongValues = 0;
    let wrongResponses = 0;
    let servedOthersView = 0;
    const perUser = { x: 0, y: 0 };
    const worker = async () => {
      while (next < plan.length) {
        const { who, query } = plan[next++];
        const got = view(await users[who].gql(query.q, query.v));
        perUser[who]++;
        const mine = e(`${who}/${query.name}`);
        const diff = differingLeaves(mine, got);
        wrongValues += diff;
        if (diff > 0) {
          // What differed, for the failure's diagnosis (the first three only).
          if (wrongResponses < 3) process.stdout.write(`dataloaders: ${who}/${query.name} expected ${JSON.stringify(mine).slice(0, 2000)}\n  got ${JSON.stringify(got).slice(0, 2000)}\n`);
          wrongResponses++;
          const theirs = e(`${who === 'x' ? 'y' : 'x'}/${query.name}`);
          if (differingLeaves(theirs, got) === 0) servedOthersView++;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    if (wrongResponses > 0) process.stdout.write(`dataloaders: the server's first warnings and errors:\n${server.output().split('\n').filter((l) => /"level":[45]0/.test(l)).slice(0, 5).join('\n')}\n`);
    process.stdout.write(
      `dataloaders: ${perUser.x + perUser.y} interleaved requests (lead of A: ${perUser.x}, observer of A and lead of B: ${perUser.y}); ` +
        `wrong responses ${wrongResponses}, values differing from the user's own view ${wrongValues}, responses equal to the other user's view ${servedOthersView}\n`,
    );
    expect(perUser.x + perUser.y).toBe(1000);
    expect(perUser.x).toBeGreaterThan(400);
    expect(perUser.y).toBeGreaterThan(400);
    expect(wrongValues).toBe(0);
    expect(wrongResponses).toBe(0);
  }, 300_000);

  it('batches: the SQL statements per request stay the same when the lists grow', async () => {
    // Workspace C, which only this test touches, so the list sizes are known.
    const lead = x;
    const wsC = (await lead.ok(`mutation { createWorkspace(input: { name: "Workspace C", organisation: "Org C", sector: HE }) { id } }`)).createWorkspace.id as string;
    const criteria = [await criterion(lead, wsC, 'C one'), await criterion(lead, wsC, 'C two'), await criterion(lead, wsC, 'C three'), await criterion(lead, wsC, 'C four')];
    await lead.ok(`mutation($c: ID!) { declareInterest(criterionId: $c, statement: "Mine") { id } }`, { c: criteria[0] });
    const query = `query($id: ID!) { workspace(id: $id) { id
      rounds { id votedCount eligibleCount items { id recused criterion { statement } result { n verdict distribution } } }
      documents { id versions { id name } }
      findings { id source { title } }
      invitations { id invitedBy { id user { name } } }
    } }`;
    const measure = async () => {
      let least = Infinity;
      let shape = '';
      for (let i = 0; i < 5; i++) {
        const before = counter.statements;
        const r = await lead.gql(query, { id: wsC });
        const used = counter.statements - before;
        expect(r.errors).toBeUndefined();
        least = Math.min(least, used);
        const w = r.data!.workspace;
        shape = `${w.rounds.length} rounds, ${w.rounds.reduce((n: number, r: { items: unknown[] }) => n + r.items.length, 0)} items, ${w.documents.length} documents, ${w.findings.length} findings, ${w.invitations.length} invitations`;
      }
      return { statements: least, shape };
    };

    const grow = async (rounds: number, docs: number, sources: number, invitations: number, tag: string) => {
      for (let i = 0; i < rounds; i++) await round(lead, wsC, criteria, `${tag} round ${i}`, { rating: 7, skip: criteria[0] });
      await documents(lead, wsC, docs, 2, tag);
      await findings(lead, wsC, sources, 2, tag);
      for (let i = 0; i < invitations; i++) await invite(lead, wsC, `${tag}.${i}@example.org`);
    };
    await grow(2, 1, 1, 1, 'small');
    const small = await measure();
    await grow(18, 7, 9, 9, 'large');
    const large = await measure();
    process.stdout.write(`dataloaders: ${small.statements} SQL statements per request for ${small.shape}; ${large.statements} for ${large.shape}\n`);
    expect(large.shape).toMatch(/^20 rounds, 80 items, 8 documents, 20 findings, 10 invitations/);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(small.statements).toBeLessThan(30);
  }, 300_000);
});
