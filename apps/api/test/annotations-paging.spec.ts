// Document.annotationPage: a draft's threads a page at a time (keyset on created_at, id), its filters on
// the server, bounded replies, the outline's open counts, and a cost that does not grow with the draft.
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectClient, Client } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const PAGE = `query($d: ID!, $first: Int, $after: String, $f: AnnotationFilterInput) {
  document(id: $d) { annotationPage(first: $first, after: $after, filter: $f) { totalCount nextCursor items { id status kind replyCount replies { id body } author { id } } } }
}`;

interface Item {
  id: string;
  status: string;
  kind: string;
  replyCount: number;
  replies: { id: string; body: string }[];
}
interface PageResult {
  totalCount: number;
  nextCursor: string | null;
  items: Item[];
}

describe('annotation paging', () => {
  let server: TestServer;
  let lead: Api, member: Api;
  let documentId: string;
  let writer: Client;
  let members: { id: string; sector: string; user: { email: string } }[];
  let statementsBase: number | null = null;

  /** Every page of the filter, walked with `first`; the pages and their totals. */
  const walk = async (who: Api, first: number, f?: Record<string, unknown>) => {
    const pages: PageResult[] = [];
    let after: string | null = null;
    do {
      const r: { document: { annotationPage: PageResult } } = await who.ok(PAGE, { d: documentId, first, after, f });
      pages.push(r.document.annotationPage);
      after = r.document.annotationPage.nextCursor;
      if (pages.length > 500) throw new Error('paging does not end');
    } while (after);
    return pages;
  };
  /** The ids the database holds for a condition, newest first: what the pages must join up to. */
  const expectedIds = async (where = 'TRUE', params: unknown[] = []) =>
    (await server.db.query(`SELECT id FROM annotations WHERE document_id = $1 AND deleted_at IS NULL AND ${where} ORDER BY created_at DESC, id DESC`, [documentId, ...params])).rows.map((r: { id: string }) => r.id);

  /** Copies of a real annotation (so their anchors hold): `n` rows, three to a timestamp, varied. */
  const bulk = async (n: number, from: string) => {
    const authors = members.map((m) => m.id);
    await server.db.query(
      `INSERT INTO annotations (workspace_id, document_id, kind, status, anchor, quote, section_id, section_title, body, tags, author_id, created_at, updated_at)
       SELECT a.workspace_id, a.document_id,
              (ARRAY['COMMENT','QUESTION','COMMENT','EVIDENCE'])[1 + i % 4],
              (ARRAY['OPEN','OPEN','RESOLVED'])[1 + i % 3],
              a.anchor, a.quote,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 'sec-' || (i % 2) END, '', 'Bulk ' || i,
              CASE WHEN i % 7 = 0 THEN ARRAY['GP registration'] ELSE '{}' END,
              ($3::uuid[])[1 + i % array_length($3::uuid[], 1)],
              timestamptz '2026-01-01' + ((i / 3) || ' seconds')::interval + interval '0.000123 seconds', now()
       FROM annotations a, generate_series(1, $2) AS i WHERE a.id = $1`,
      [from, n, authors],
    );
    // Two replies on most threads: the page must not fetch them one thread at a time.
    await server.db.query(
      `INSERT INTO annotation_replies (annotation_id, workspace_id, body, author_id, created_at)
       SELECT a.id, a.workspace_id, 'Reply ' || k, a.author_id, a.created_at + (k || ' seconds')::interval
       FROM annotations a, generate_series(1, 2) AS k WHERE a.document_id = $1 AND a.body LIKE 'Bulk %'
         AND NOT EXISTS (SELECT 1 FROM annotation_replies r WHERE r.annotation_id = a.id)`,
      [documentId],
    );
  };

  /** Statements one request sends: the difference between two consecutive X-SQL-Statements. */
  const statementsOf = async (who: Api, query: string, variables: Record<string, unknown>) => {
    let least = Infinity;
    for (let i = 0; i < 3; i++) {
      const before = Number((await who.gql('{ me { id } }')).headers.get('x-sql-statements'));
      const r = await who.gql(query, variables);
      expect(r.errors).toBeUndefined();
      least = Math.min(least, Number(r.headers.get('x-sql-statements')) - before);
    }
    return least;
  };

  let seedId: string;

  beforeAll(async () => {
    server = await startServer({ env: { CONCORD_COUNT_SQL: '1' } });
    const anon = new Api(server.url);
    [lead, member] = await Promise.all([DEMO.lead, DEMO.memberHe].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id documents { id } members { id sector user { email } } } }`);
    documentId = ws.workspaces[0].documents[0].id;
    members = ws.workspaces[0].members;
    writer = await connectClient(server.url, documentId, lead.token!);
    const quote = 'GP registration';
    const start = linearText(writer.doc).text.indexOf(quote);
    const r = await member.ok(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, {
      i: { documentId, kind: 'COMMENT', body: 'The first.', anchor: anchorFromOffsets(writer.doc, start, start + quote.length), quote },
    });
    seedId = r.addAnnotation.id;
  }, 60_000);
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('costs the same statements on a small draft as on a large one (measured before and after 400 more threads)', async () => {
    statementsBase = await statementsOf(member, PAGE, { d: documentId, first: 50, f: { status: 'OPEN' } });
    await bulk(400, seedId);
    const large = await statementsOf(member, PAGE, { d: documentId, first: 50, f: { status: 'OPEN' } });
    const counts = await statementsOf(member, `query($d: ID!) { document(id: $d) { openAnnotationCounts { sectionId open } } }`, { d: documentId });
    process.stdout.write(`annotationPage: ${statementsBase} SQL statements for 1 thread, ${large} for 400 (first 50); openAnnotationCounts: ${counts}\n`);
    expect(large).toBeLessThanOrEqual(statementsBase);
    expect(large).toBeLessThan(15);
  });

  it('pages join up to the whole list, newest first, with no duplicates or gaps (ties on the time included)', async () => {
    const pages = await walk(member, 7);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    const all = await expectedIds();
    expect(all.length).toBeGreaterThan(400);
    expect(ids).toEqual(all);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.every((p) => p.totalCount === all.length)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.items.length === 7)).toBe(true);
    expect(pages[pages.length - 1].nextCursor).toBeNull();
  });

  it.each([
    ['status', { status: 'RESOLVED' }, `status = 'RESOLVED'`, []],
    ['kind and status', { status: 'OPEN', kind: 'QUESTION' }, `status = 'OPEN' AND kind = 'QUESTION'`, []],
    ['section', { sectionId: 'sec-1' }, `section_id = 'sec-1'`, []],
    ['before the first heading', { sectionId: '' }, `section_id IS NULL`, []],
    ['tag', { tag: 'GP registration' }, `'GP registration' = ANY(tags)`, []],
  ])('applies the %s filter to the whole list, with its total', async (_label, f, where, params) => {
    const pages = await walk(member, 50, f);
    const all = await expectedIds(where, params);
    expect(all.length).toBeGreaterThan(0);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all);
    expect(pages[0].totalCount).toBe(all.length);
  });

  it('filters by author and by the author’s sector', async () => {
    const nhs = members.find((m) => m.user.email === DEMO.memberNhs)!;
    const byAuthor = await walk(member, 37, { authorId: nhs.id });
    expect(byAuthor.flatMap((p) => p.items.map((i) => i.id))).toEqual(await expectedIds('author_id = $2', [nhs.id]));
    const bySector = await walk(member, 37, { sector: 'NHS', status: 'OPEN' });
    const nhsIds = members.filter((m) => m.sector === 'NHS').map((m) => m.id);
    expect(bySector.flatMap((p) => p.items.map((i) => i.id))).toEqual(await expectedIds(`status = 'OPEN' AND author_id = ANY($2::uuid[])`, [nhsIds]));
  });

  it('carries the latest 20 replies of a long thread, oldest first, and how many there are', async () => {
    await server.db.query(
      `INSERT INTO annotation_replies (annotation_id, workspace_id, body, author_id, created_at)
       SELECT a.id, a.workspace_id, 'Long ' || k, a.author_id, now() + (k || ' seconds')::interval FROM annotations a, generate_series(1, 25) AS k WHERE a.id = $1`,
      [seedId],
    );
    const pages = await walk(member, 200);
    const thread = pages.flatMap((p) => p.items).find((i) => i.id === seedId)!;
    expect(thread.replyCount).toBe(25);
    expect(thread.replies.map((r) => r.body)).toEqual(Array.from({ length: 20 }, (_, k) => `Long ${k + 6}`));
    const full = await member.ok(`query($id: ID!) { annotation(id: $id) { replyCount replies { id } } }`, { id: seedId });
    expect(full.annotation).toMatchObject({ replyCount: 25 });
    expect(full.annotation.replies).toHaveLength(25);
    const other = pages.flatMap((p) => p.items).find((i) => i.id !== seedId)!;
    expect(other.replyCount).toBe(other.replies.length);
  });

  it('answers the web’s overview: the newest open anchors (at most 150, within the cost limit) and the counts', async () => {
    const r = await member.gql(
      `query($documentId: ID!) { document(id: $documentId) { id openAnnotationCounts { sectionId open } highlights: annotationPage(filter: { status: OPEN }, first: 150) { totalCount items { id kind status anchor deleted } } } }`,
      { documentId },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.document.highlights.items).toHaveLength(150);
    expect(r.data!.document.highlights.totalCount).toBe((await expectedIds(`status = 'OPEN'`)).length);
  });

  it('counts open annotations per heading on the server', async () => {
    const r = await member.ok(`query($d: ID!) { document(id: $d) { openAnnotationCounts { sectionId open } } }`, { d: documentId });
    const expected = (
      await server.db.query(`SELECT section_id, count(*)::int AS n FROM annotations WHERE document_id = $1 AND status = 'OPEN' AND deleted_at IS NULL GROUP BY section_id`, [documentId])
    ).rows;
    const got = Object.fromEntries(r.document.openAnnotationCounts.map((c: { sectionId: string | null; open: number }) => [String(c.sectionId), c.open]));
    expect(got).toEqual(Object.fromEntries(expected.map((e: { section_id: string | null; n: number }) => [String(e.section_id), e.n])));
  });

  it.each([
    ['first: 0', { first: 0 }, 'first'],
    ['first: 201', { first: 201 }, 'first'],
    ['a cursor that is not base64url', { after: 'not a cursor!' }, 'after'],
    ['a cursor with a forged date', { after: Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000', '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 'after'],
    ['a cursor with a forged id', { after: Buffer.from(JSON.stringify(['2026-02-03T00:00:00.000000', 'x; DROP TABLE annotations'])).toString('base64url') }, 'after'],
    ['a cursor with a number for a date', { after: Buffer.from(JSON.stringify([12, '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 'after'],
    ['a filter author that is not an id', { f: { authorId: 'nobody' } }, 'filter.authorId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, vars, field) => {
    const r = await member.gql(PAGE, { d: documentId, ...vars });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });
});
