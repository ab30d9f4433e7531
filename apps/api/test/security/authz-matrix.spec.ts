// The authorization matrix, generated from the schema: every query, mutation, subscription and
// sub-object field × every role, signed out, a non-member, a reviewer whose round has closed and a
// removed member × an object of their own workspace and one of another workspace. What each cell
// should answer comes from the one policy table (src/common/policy.ts); an operation without a rule
// or without a way to invoke it here fails the test.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPERATION_RULES } from '../../src/common/policy';
import { startServer, TestServer } from '../support/server';
import { subscribe } from '../support/subscriptions';
import { builderFor, Cell, Invocation } from './support/authz-invocations';
import { analyse, classify, classifySubscription, expected, Expected, Observed, operationsInSchema } from './support/authz-policy';
import { buildWorld, Principal, SESSION_SECRET, SideKey, triggerEvents, World } from './support/authz-setup';

const CONCURRENCY = 8;

interface Outcome {
  op: string;
  principal: string;
  side: SideKey | 'none';
  expected: Expected;
  observed: Observed;
}

async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Subscriptions answer with the guard's error at once, or, when accepted, with the next event. */
const SUBSCRIPTION_DEADLINE_MS = 20_000;

/** A denial must look like the policy's: UNAUTHENTICATED signed out, and nothing but NOT_FOUND or null for non-members. */
function agrees(e: Expected, o: Observed): boolean {
  if (o.verdict !== e.verdict) return false;
  return e.verdict === 'ALLOW' || (e.how as string[]).includes(o.how);
}

describe('authorization matrix', () => {
  let server: TestServer;
  let world: World;
  const operations = operationsInSchema();

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET } });
    world = await buildWorld(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('has a rule and an invocation for every operation of the schema', () => {
    expect(operations.filter((op) => !(op in OPERATION_RULES))).toEqual([]);
    expect(operations.filter((op) => !builderFor(op))).toEqual([]);
    // Each invocation selects its operation, and only fields on the path to it carry a rule.
    expect(operations.length).toBeGreaterThan(200);
  });

  it('answers every cell as the policy table says', async () => {
    const started = Date.now();
    const cells: { op: string; p: Principal; side: SideKey | 'none' }[] = [];
    for (const op of operations) {
      const b = builderFor(op);
      if (!b) continue;
      for (const p of world.principals) {
        if (b.sideless) cells.push({ op, p, side: 'none' });
        else for (const side of ['own', 'other'] as const) cells.push({ op, p, side });
      }
    }
    const outcomes: Outcome[] = [];
    const problems: string[] = [];
    const timing = new Map<string, number>();
    /** The same query text is sent by every principal: parse and validate it once. */
    const analyses = new Map<string, ReturnType<typeof analyse>>();
    const isSub = (op: string) => op.startsWith('Subscription.');
    type Prepared = { op: string; p: Principal; side: SideKey | 'none'; inv: Invocation; a: ReturnType<typeof analyse>; exp: Expected };
    const prepare = async ({ op, p, side }: (typeof cells)[number]): Promise<Prepared | null> => {
      const c: Cell = { p, o: world.sides[side === 'none' ? 'own' : side], side: side === 'none' ? 'own' : side, world };
      let inv: Invocation;
      try {
        inv = await builderFor(op)!.build(c);
      } catch (e) {
        problems.push(`${op} × ${p.key} × ${side}: could not prepare: ${String(e)}`);
        return null;
      }
      const key = `${op}\n${inv.query}`;
      const a = analyses.get(key) ?? analyses.set(key, analyse(inv.query, op)).get(key)!;
      if (a.errors.length > 0 || !a.path) {
        problems.push(`${op}: invocation is not a valid query selecting it: ${a.errors.join('; ') || 'target not selected'}`);
        return null;
      }
      if (a.path[a.path.length - 1].op !== op || a.ruled.length !== a.path.filter((s) => s.op in OPERATION_RULES).length) {
        problems.push(`${op}: invocation selects fields with rules off the path: ${a.ruled.join(', ')}`);
        return null;
      }
      return { op, p, side, inv, a, exp: expected(p, side, a.ruled, inv.reaches) };
    };
    const record = (c: Prepared, observed: Observed) => outcomes.push({ op: c.op, principal: c.p.key, side: c.side, expected: c.exp, observed });

    await pool(
      cells.filter((c) => !isSub(c.op)),
      CONCURRENCY,
      async (cell) => {
        const c = await prepare(cell);
        if (!c) return;
        const t = Date.now();
        record(c, classify(await (c.inv.as ?? c.p.api).gql(c.inv.query, c.inv.variables), c.a.path!));
        timing.set(c.op, (timing.get(c.op) ?? 0) + Date.now() - t);
      },
    );

    // Subscriptions, all open at once; events are sent until each has answered (error or event).
    const subs = (await Promise.all(cells.filter((c) => isSub(c.op)).map(prepare))).filter((c): c is Prepared => c !== null);
    const open = subs.map((c) => ({ c, sub: subscribe(world.server.url, c.inv.query, c.inv.variables ?? {}, { token: (c.inv.as ?? c.p.api).token }) }));
    const deadline = Date.now() + SUBSCRIPTION_DEADLINE_MS;
    while (open.some(({ sub }) => sub.errors.length === 0 && sub.events.length === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      await triggerEvents(world);
    }
    for (const { c, sub } of open) {
      record(c, sub.errors.length === 0 && sub.events.length === 0 ? { verdict: 'ERROR', how: 'no answer: neither an error nor an event' } : classifySubscription(sub.errors, sub.events.length));
      await sub.stop();
    }

    const mismatches = outcomes.filter((o) => !agrees(o.expected, o.observed));
    const allowed = outcomes.filter((o) => o.observed.verdict === 'ALLOW').length;
    const denied = outcomes.filter((o) => o.observed.verdict === 'DENY').length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `authorization matrix: ${outcomes.length} cells (${operations.length} operations × ${world.principals.length} principals × own/other workspace), ` +
        `${allowed} allowed, ${denied} denied, ${mismatches.length} unexpected, in ${seconds} s`,
    );
    if (process.env.AUTHZ_DUMP) writeFileSync(process.env.AUTHZ_DUMP, JSON.stringify(outcomes, null, 1));
    if (process.env.AUTHZ_PROFILE) console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([op, ms]) => `${op} ${ms} ms`).join('\n'));
    const report = mismatches.map(
      (m) => `${m.op} × ${m.principal} × ${m.side}: expected ${m.expected.verdict}${m.expected.how.length ? ` (${m.expected.how.join('/')})` : ''} [${m.expected.why}], got ${m.observed.verdict} (${m.observed.how})`,
    );
    expect([...problems, ...report]).toEqual([]);
    expect(outcomes).toHaveLength(cells.length);
  }, 600_000);
});
