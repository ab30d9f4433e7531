// The assessment matrix a page of models at a time (AssessmentMatrix.rowPage): pages join up to the
// whole list of rows in the models' order (ties on the name included), totalCount and the filters hold
// for the whole list, strongCandidateCount counts every model, bad sizes and forged cursors are
// BAD_USER_INPUT naming the argument, and a request's SQL statements do not grow with the models.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const CELL = 'modelId criterionId n majority disagreement counts { met partly notMet unknown }';
const ROW = `model { id name } strongCandidate metCount evidenceGaps { criterionId reason } cells { ${CELL} }`;
const PAGE = `query($id: ID!, $first: Int, $after: String, $filter: AssessmentRowFilter) { workspace(id: $id) { assessment {
  strongCandidateCount rowPage(first: $first, after: $after, filter: $filter) { totalCount nextCursor items { ${ROW} } } } } }`;
const ALL = `query($id: ID!) { workspace(id: $id) { assessment { rows { ${ROW} } } } }`;
/** What the screen asks, with a cell's ratings and the model's case study: every nested field. */
const DEEP = `query($id: ID!, $first: Int) { workspace(id: $id) { assessment { basis criteria { id } strongCandidateCount rowPage(first: $first) { totalCount nextCursor
  items { model { id name caseStudy { id status } } strongCandidate metCount evidenceGaps { criterionId reason } cells { ${CELL} ratings { id raterName rating note } mine { id rating } } } } } } }`;

type Row = { model: { id: string; name: string }; strongCandidate: boolean; cells: unknown[] };
type Page = { totalCount: number; nextCursor: string | null; items: Row[] };

describe('the assessment matrix, a page of models at a time', () => {
  let server: TestServer;
  let lead: Api, he: Api;
  let workspaceId: string;

  const page = async (vars: Record<string, unknown>, who: Api = lead) => (await who.ok(PAGE, { id: workspaceId, ...vars })).workspace.assessment as { strongCandidateCount: number; rowPage: Page };
  /** Every page of size `first` in turn, joined. */
  const allPages = async (first: number, filter?: Record<string, unknown>) => {
    const rows: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = -1;
    do {
      const p: Page = (await page({ first, after, filter })).rowPage;
      expect(p.items.length).toBeLessThanOrEqual(first);
      if (p.nextCursor) expect(p.items.length).toBe(first);
      rows.push(...p.items);
      total = p.totalCount;
      after = p.nextCursor;
      pages++;
    } while (after && pages < 100);
    return { rows, total, pages };
  };
  /** Models and ratings straight into the database: `count` models, ten of them sharing one name. */
  const addModels = async (count: number, prefix: string) => {
    await server.db.query(
      `INSERT INTO practice_models (workspace_id, name, lead_providers, nhs_partners, region, type, summary)
       SELECT $1, CASE WHEN g <= 10 THEN $3 || ' tied' ELSE $3 || ' ' || lpad(g::text, 3, '0') END, 'U', 'T', 'LONDON', 'OTHER', 'S' FROM generate_series(1, $2) g`,
      [workspaceId, count, prefix],
    );
    // Three raters per cell; every fifth model is met throughout (a strong candidate), the others mixed.
    await server.db.query(
      `INSERT INTO model_ratings (workspace_id, model_id, criterion_id, member_id, rating, note)
       SELECT $1, m.id, c.id, mem.id,
         CASE WHEN abs(hashtext(m.id::text)) % 5 = 0 THEN 'MET' ELSE (ARRAY['MET','PARTLY','NOT_MET','UNKNOWN'])[1 + abs(hashtext(m.id::text || c.id::text || mem.id::text)) % 4] END,
         CASE WHEN abs(hashtext(mem.id::text || c.id::text)) % 2 = 0 THEN 'evidence' ELSE '' END
       FROM practice_models m, criteria c, (SELECT m.id FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND u.email = ANY($3)) mem
       WHERE m.workspace_id = $1 AND m.name LIKE $2 || '%' AND c.workspace_id = $1 AND c.status = 'CANDIDATE'`,
      [workspaceId, prefix, [DEMO.lead, DEMO.editor, DEMO.memberHe]],
    );
  };
  /** The SQL statements one request sends (the server's running count, read before and after). */
  const statements = async (query: string, variables: Record<string, unknown>) => {
    const before = Number((await lead.gql('{ __typename }')).headers.get('x-sql-statements'));
    const r = await lead.gql(query, variables);
    expect(r.errors).toBeUndefined();
    return { statements: Number(r.headers.get('x-sql-statements')) - before, bytes: JSON.stringify(r.data).length };
  };

  beforeAll(async () => {
    server = await startServer({ env: { CONCORD_COUNT_SQL: '1' } });
    const anon = new Api(server.url);
    [lead, he] = await Promise.all([anon.login(DEMO.lead), anon.login(DEMO.memberHe)]);
    workspaceId = (await lead.ok(`{ workspaces { id } }`)).workspaces[0].id;
    await addModels(37, 'Bench');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('pages join up to the whole list of rows, in order, with no gap or duplicate (ties on the name too)', async () => {
    const all: Row[] = (await lead.ok(ALL, { id: workspaceId })).workspace.assessment.rows;
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((r) => r.model.name === 'Bench tied')).toHaveLength(10);
    for (const first of [1, 7, 10, 200]) {
      const { rows, total, pages } = await allPages(first);
      expect(total).toBe(all.length);
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / first)));
      expect(new Set(rows.map((r) => r.model.id)).size).toBe(rows.length);
      expect(rows).toEqual(all);
    }
    // The default size is the shared convention's (50), and the last page has no cursor.
    const first = (await page({})).rowPage;
    expect(first.items).toHaveLength(Math.min(50, all.length));
    expect(first.nextCursor).toBeNull();
  });

  it('counts strong candidates over every model, whatever page is loaded', async () => {
    const all: Row[] = (await lead.ok(ALL, { id: workspaceId })).workspace.assessment.rows;
    const strong = all.filter((r) => r.strongCandidate).length;
    expect(strong).toBeGreaterThan(0);
    const p = await page({ first: 1 });
    expect(p.strongCandidateCount).toBe(strong);
    expect(p.rowPage.items).toHaveLength(1);
  });

  it('applies the filter to the whole list: totalCount and the pages are the filtered models', async () => {
    const all: Row[] = (await lead.ok(ALL, { id: workspaceId })).workspace.assessment.rows;
    const tied = await allPages(3, { search: '  TIED ' });
    expect(tied.total).toBe(10);
    expect(tied.rows).toEqual(all.filter((r) => r.model.name === 'Bench tied'));
    // LIKE's wildcards are plain characters in a search.
    expect((await page({ filter: { search: '%' } })).rowPage.totalCount).toBe(0);
    expect((await page({ filter: { search: 'Bench_0' } })).rowPage.totalCount).toBe(0);
    const ids = [all[3].model.id, all[20].model.id, all[11].model.id];
    const chosen = await allPages(2, { modelIds: ids });
    expect(chosen.total).toBe(3);
    expect(chosen.rows).toEqual([all[3], all[11], all[20]]);
    expect((await page({ filter: { modelIds: [] } })).rowPage).toEqual({ totalCount: 0, nextCursor: null, items: [] });
  });

  it('a page’s cells carry the same ratings, and your own, as the whole list', async () => {
    const CELLS = `ratings { raterName rating note } mine { rating }`;
    const all = (await he.ok(`query($id: ID!) { workspace(id: $id) { assessment { rows { model { id } cells { ${CELLS} } } } } }`, { id: workspaceId })).workspace.assessment.rows;
    const p = (await he.ok(`query($id: ID!) { workspace(id: $id) { assessment { rowPage(first: 5, filter: { search: "tied" }) { items { model { id } cells { ${CELLS} } } } } } }`, { id: workspaceId })).workspace
      .assessment.rowPage.items;
    expect(p).toHaveLength(5);
    for (const row of p) expect(row).toEqual(all.find((r: { model: { id: string } }) => r.model.id === row.model.id));
    expect(p.some((r: { cells: { mine: unknown }[] }) => r.cells.some((c) => c.mine !== null))).toBe(true);
  });

  it('refuses a size outside 1..200 and a cursor it did not make, naming the argument', async () => {
    for (const first of [0, -1, 201]) {
      const r = await lead.gql(PAGE, { id: workspaceId, first });
      expect([codeOf(r), r.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'first']);
    }
    const forged = [
      'not a cursor!',
      Buffer.from('{"name":"x"}').toString('base64url'),
      Buffer.from('[1,"00000000-0000-0000-0000-000000000000"]').toString('base64url'),
      Buffer.from('["Bench tied","not-a-uuid"]').toString('base64url'),
    ];
    for (const after of forged) {
      const r = await lead.gql(PAGE, { id: workspaceId, first: 5, after });
      expect([codeOf(r), r.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'after']);
    }
    const bad = await lead.gql(PAGE, { id: workspaceId, filter: { modelIds: ['nope'] } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('sends as many SQL statements for 40 models as for 140, and a page’s size does not grow with them', async () => {
    const vars = { id: workspaceId, first: 25 };
    const small = await statements(DEEP, vars);
    const smallAll = await statements(ALL.replace('cells {', 'cells { ratings { id } mine { id }'), { id: workspaceId });
    await addModels(100, 'More');
    const large = await statements(DEEP, vars);
    const largeAll = await statements(ALL.replace('cells {', 'cells { ratings { id } mine { id }'), { id: workspaceId });
    expect(large.statements).toBe(small.statements);
    expect(largeAll.statements).toBe(smallAll.statements);
    expect(small.statements).toBeLessThanOrEqual(12);
    // The page is the same 25 rows (ordering puts "Bench …" first either way): same size, give or take the total.
    expect(Math.abs(large.bytes - small.bytes)).toBeLessThan(10);
  });
});
