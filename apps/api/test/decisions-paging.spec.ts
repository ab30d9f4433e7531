// The decision log a page at a time (Workspace.decisionLog): newest first by number, keyset cursors that
// join up to the whole (filtered) log, totalCount, bounds and forged cursors, a constant number of SQL
// statements per page however long the page, and the export still covering the whole filtered log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO, GqlResponse } from './support/graphql';
import { startServer, TestServer } from './support/server';

const PAGE = `query($w: ID!, $f: DecisionFilterInput, $first: Int, $after: String) {
  workspace(id: $w) { decisionLog(filter: $f, first: $first, after: $after) { totalCount nextCursor items { id ref status title supersedes { id ref } supersededBy { id ref status } links { kind id label } } } }
}`;
const PROPOSE = `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref } }`;
const EXPORT = `query($w: ID!, $f: DecisionFilterInput) { decisionLogExport(workspaceId: $w, format: CSV, filter: $f) }`;
/** Decisions inserted beside the demo's: enough for several pages and more than the largest page. */
const MANY = 230;

interface Item {
  id: string;
  ref: string;
  status: string;
  title: string;
  supersedes: { id: string; ref: string } | null;
  supersededBy: { id: string; ref: string; status: string } | null;
  links: { kind: string; id: string; label: string }[];
}
interface Page {
  totalCount: number;
  nextCursor: string | null;
  items: Item[];
}

describe('the decision log, paged', () => {
  let server: TestServer;
  let lead: Api;
  let workspaceId: string;
  let milestoneId: string;

  const page = async (vars: { f?: Record<string, unknown>; first?: number; after?: string | null }, as: Api = lead): Promise<Page> =>
    (await as.ok(PAGE, { w: workspaceId, ...vars })).workspace.decisionLog as Page;
  /** Follows nextCursor to the end; every page is checked for its size and total. */
  const all = async (f: Record<string, unknown> | undefined, first: number): Promise<{ items: Item[]; pages: number; totals: number[] }> => {
    const items: Item[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page({ f, first, after });
      pages++;
      totals.push(p.totalCount);
      if (p.nextCursor) expect(p.items).toHaveLength(first);
      items.push(...p.items);
      after = p.nextCursor;
      expect(pages).toBeLessThan(1000);
    } while (after);
    return { items, pages, totals };
  };
  /** The log as the database holds it, newest first. */
  const stored = async (where = 'TRUE', params: unknown[] = []) =>
    (await server.db.query(`SELECT id FROM decisions WHERE workspace_id = $1 AND ${where} ORDER BY number DESC`, [workspaceId, ...params])).rows.map((r) => r.id as string);

  beforeAll(async () => {
    // No scheduler ticks between two requests: the statement counter is process-wide.
    server = await startServer({ env: { CONCORD_COUNT_SQL: '1', SCHEDULE_INTERVAL_MS: '3600000' } });
    lead = await new Api(server.url).login(DEMO.lead);
    const ws = (await lead.ok(`{ workspaces { id milestones { id } sources { id } } }`)).workspaces[0];
    workspaceId = ws.id;
    milestoneId = ws.milestones[0].id;
    // Many decisions in one statement, so all share one created_at: the order is by number, never by time.
    // Every third is agreed, every fifth has a milestone and a source, and the words "harbour" mark every seventh.
    await server.db.query(
      `INSERT INTO decisions (workspace_id, number, title, statement, rationale, status, agreed_at, agreed_via, milestone_id, source_ids)
       SELECT $1, base.n + g, 'Bulk ' || g || CASE WHEN g % 7 = 0 THEN ' harbour' ELSE '' END, 'Statement ' || g, '',
              CASE WHEN g % 3 = 0 THEN 'AGREED' ELSE 'PROPOSED' END, CASE WHEN g % 3 = 0 THEN now() END, CASE WHEN g % 3 = 0 THEN 'LEAD' END,
              CASE WHEN g % 5 = 0 THEN $2::uuid END, CASE WHEN g % 5 = 0 THEN ARRAY[$3::uuid] ELSE '{}'::uuid[] END
       FROM generate_series(1, ${MANY}) g, (SELECT coalesce(max(number), 0) AS n FROM decisions WHERE workspace_id = $1) base`,
      [workspaceId, milestoneId, ws.sources[0].id],
    );
  }, 120_000);
  afterAll(() => server?.close());

  it('joins up to the whole log, newest first, with no duplicates or gaps, and counts it', async () => {
    const expected = await stored();
    expect(expected.length).toBeGreaterThanOrEqual(MANY);
    for (const size of [1, 7, 50, 200]) {
      if (size === 1) {
        // One item a page, for the first 30 only: the cursor works from any position.
        let after: string | null = null;
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) {
          const p: Page = await page({ first: 1, after });
          ids.push(...p.items.map((d) => d.id));
          after = p.nextCursor;
        }
        expect(ids).toEqual(expected.slice(0, 30));
        continue;
      }
      const { items, pages, totals } = await all(undefined, size);
      expect(items.map((d) => d.id)).toEqual(expected);
      expect(new Set(items.map((d) => d.id)).size).toBe(expected.length);
      expect(pages).toBe(Math.ceil(expected.length / size));
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    }
    // The default page is 50, newest first: D-(n) before D-(n-1).
    const first = await page({});
    expect(first.items).toHaveLength(50);
    const numbers = first.items.map((d) => Number(d.ref.slice(2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('pages the filtered log: status, milestone and search apply to the whole log, and totalCount counts the filtered log', async () => {
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ status: 'AGREED' }, `status = 'AGREED'`, []],
      [{ milestoneId }, 'milestone_id = $2', [milestoneId]],
      [{ search: 'harbour' }, `title ILIKE '%harbour%'`, []],
      [{ status: 'PROPOSED', search: 'harbour' }, `status = 'PROPOSED' AND title ILIKE '%harbour%'`, []],
    ];
    for (const [f, where, params] of cases) {
      const expected = await stored(where, params);
      expect(expected.length).toBeGreaterThan(10);
      const { items, totals } = await all(f, 9);
      expect(items.map((d) => d.id)).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([expected.length]));
      // The paged field and the whole list agree.
      const whole = (await lead.ok(`query($w: ID!, $f: DecisionFilterInput) { workspace(id: $w) { decisions(filter: $f) { id } } }`, { w: workspaceId, f })).workspace.decisions;
      expect(whole.map((d: { id: string }) => d.id).reverse()).toEqual(expected);
    }
    // A number finds its decision.
    const one = await page({ f: { search: 'D-005' } });
    expect(one.totalCount).toBe(1);
    expect(one.items.map((d) => d.ref)).toEqual(['D-005']);
    expect(one.nextCursor).toBeNull();
    const none = await page({ f: { search: 'no decision says this' } });
    expect(none).toEqual({ totalCount: 0, nextCursor: null, items: [] });
  });

  it('a decision proposed while reading does not shift the next page: no duplicates, nothing skipped', async () => {
    const p1 = await page({ first: 20 });
    const added = (await lead.ok(PROPOSE, { i: { workspaceId, title: 'Proposed while reading', statement: 'Late.', rationale: '' } })).proposeDecision;
    const p2 = await page({ first: 20, after: p1.nextCursor });
    const expected = await stored();
    expect(expected[0]).toBe(added.id);
    expect([...p1.items, ...p2.items].map((d) => d.id)).toEqual(expected.slice(1, 41));
    expect(p2.totalCount).toBe(p1.totalCount + 1);
    // The first page, asked again, starts with it.
    expect((await page({ first: 1 })).items[0]).toMatchObject({ id: added.id, title: 'Proposed while reading' });
  });

  it('carries links and the supersede chain in both directions', async () => {
    const id = (await server.db.query(`SELECT id FROM decisions WHERE workspace_id = $1 AND title = 'Bulk 15'`, [workspaceId])).rows[0].id as string;
    const agreed = (await page({ f: { status: 'AGREED', search: 'Bulk 15' }, first: 200 })).items.find((d) => d.id === id)!;
    const replacement = (
      await lead.ok(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { id ref } }`, {
        id: agreed.id,
        i: { workspaceId, title: 'Replaces bulk 15', statement: 'Instead.', rationale: '' },
      })
    ).supersedeDecision;
    const newest = (await page({ first: 3 })).items.find((d) => d.id === replacement.id)!;
    expect(newest.supersedes).toEqual({ id: agreed.id, ref: agreed.ref });
    const old = (await page({ f: { status: 'SUPERSEDED', search: agreed.ref } })).items[0];
    expect(old).toMatchObject({ id: agreed.id, status: 'SUPERSEDED', supersededBy: { id: replacement.id, ref: replacement.ref, status: 'AGREED' } });
    // Bulk 15 has a milestone and a source (15 % 5 = 0), labelled.
    expect(old.links.map((l) => l.kind)).toEqual(['MILESTONE', 'SOURCE']);
    expect(old.links.every((l) => l.label.length > 0)).toBe(true);
  });

  it('refuses `first` outside 1..200 and a cursor it did not make: BAD_USER_INPUT naming the argument', async () => {
    for (const first of [0, -1, 201, 10_000]) {
      const r = await lead.gql(PAGE, { w: workspaceId, first });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.field).toBe('first');
    }
    const forge = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    const real = (await page({ first: 2 })).nextCursor!;
    const forged = [
      'not a cursor!',
      'AAAA',
      forge({ number: 3 }),
      forge(['3', '00000000-0000-0000-0000-000000000000']),
      forge([3, 'not-a-uuid']),
      forge([3.5, '00000000-0000-0000-0000-000000000000']),
      forge([-1, '00000000-0000-0000-0000-000000000000']),
      forge([99_999_999_999, '00000000-0000-0000-0000-000000000000']),
      `${real}x!`,
      'A'.repeat(600),
    ];
    for (const after of forged) {
      const r = await lead.gql(PAGE, { w: workspaceId, first: 5, after });
      expect({ after, code: codeOf(r), field: r.errors?.[0].extensions?.field }).toEqual({ after, code: 'BAD_USER_INPUT', field: 'after' });
    }
    // A well-formed cursor past the end is simply an empty last page.
    const end = await page({ after: forge([0, '00000000-0000-0000-0000-000000000000']) });
    expect(end.items).toEqual([]);
    expect(end.nextCursor).toBeNull();
  });

  it('is read under the decision log rule: a reviewer may not read it', async () => {
    const reviewer = await new Api(server.url).login(DEMO.reviewer);
    const r = await reviewer.gql(PAGE, { w: workspaceId, first: 5 });
    expect(r.data?.workspace?.decisionLog ?? null).toBeNull();
    expect(codeOf(r)).toBe('FORBIDDEN');
    const observer = await new Api(server.url).login(DEMO.observer);
    expect((await page({ first: 5 }, observer)).items).toHaveLength(5);
  });

  it('costs the same number of SQL statements for a page of 5 and a page of 200, links and chain included', async () => {
    const statements = (r: GqlResponse) => Number(r.headers.get('x-sql-statements'));
    const cost = async (first: number) => {
      let least = Infinity;
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const before = statements(await lead.gql(`{ me { id } }`));
        const r = await lead.gql(PAGE, { w: workspaceId, first });
        expect(r.errors).toBeUndefined();
        expect(r.data!.workspace.decisionLog.items).toHaveLength(first);
        bytes = JSON.stringify(r.data).length;
        least = Math.min(least, statements(r) - before);
      }
      return { least, bytes };
    };
    const small = await cost(5);
    const large = await cost(200);
    process.stdout.write(`decisionLog: ${small.least} SQL statements for 5 decisions (${small.bytes} bytes), ${large.least} for 200 (${large.bytes} bytes)\n`);
    expect(Number.isFinite(small.least)).toBe(true);
    expect(large.least).toBeLessThanOrEqual(small.least);
    expect(small.least).toBeLessThan(15);
  });

  it('the export still holds the whole filtered log, however many pages it spans', async () => {
    const agreed = await stored(`status = 'AGREED'`);
    expect(agreed.length).toBeGreaterThan(50);
    const csv: string = (await lead.ok(EXPORT, { w: workspaceId, f: { status: 'AGREED' } })).decisionLogExport;
    const refsIn = (text: string) => [...text.matchAll(/(?:^|\r\n)"?(D-\d{3,})"?,/g)].map((m) => m[1]);
    expect(refsIn(csv)).toHaveLength(agreed.length);
    const whole: string = (await lead.ok(EXPORT, { w: workspaceId })).decisionLogExport;
    expect(refsIn(whole)).toHaveLength((await stored()).length);
  });
});
