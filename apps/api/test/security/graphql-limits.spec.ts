// GraphQL limits (graphql-armor and Apollo's own): depth, aliases, cost, tokens and directives are refused
// before anything runs; batches are refused; production hides the schema (introspection, field
// suggestions); cross-site forms run nothing; errors never carry stack traces. One test each.
// (http.spec.ts covers the 15-alias boundary, a JSON batch, the text/plain POST and introspection in
// production with a full introspection query; these extend them.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, DEMO, GqlResponse } from '../support/graphql';
import { startServer, TestServer } from '../support/server';

const EVIL = 'https://evil.example';

function expectRefused(r: GqlResponse, pattern: RegExp) {
  expect(r.data ?? undefined).toBeUndefined(); // validation failed: nothing executed
  expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.errors?.[0].message).toMatch(pattern);
}

/** No stack, exception or internal detail anywhere in a response body. */
function expectNoInternals(body: string) {
  expect(body).not.toMatch(/stacktrace|exception/i);
  expect(body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  expect(body).not.toMatch(/node_modules|apps\/api\/src/);
}

describe('GraphQL limits', () => {
  let dev: TestServer;
  let prod: TestServer;
  let lead: Api;
  let prodLead: Api;

  beforeAll(async () => {
    // Production with the demo seeded explicitly (CONTRACT: SEED_DEMO=true overrides the production default).
    [dev, prod] = await Promise.all([startServer(), startServer({ env: { NODE_ENV: 'production', SEED_DEMO: 'true' } })]);
    lead = await new Api(dev.url).login(DEMO.lead);
    prodLead = await new Api(prod.url).login(DEMO.lead);
  }, 120_000);
  afterAll(() => Promise.all([dev?.close(), prod?.close()]), 120_000);

  /** workspaces → sources → findings → source → findings …: `depth` levels counting the leaf's fields, ending on Finding. */
  const chain = (depth: number, leaf: string) => {
    const fields = Array.from({ length: depth - 1 }, (_, i) => (i === 0 ? 'workspaces' : i === 1 ? 'sources' : i % 2 === 0 ? 'findings' : 'source'));
    return 'query ' + fields.reduceRight((inner, f) => `{ ${f} ${inner} }`, `{ ${leaf} }`);
  };

  it('depth: a query nested deeper than 10 levels is refused; 10 levels run', async () => {
    const ten = chain(10, 'id');
    const twelve = chain(12, 'id');
    expect((await lead.gql(ten)).errors).toBeUndefined();
    expectRefused(await lead.gql(twelve), /depth/i);
  });

  it('aliases: more than 15 aliases are refused even when spread over fragments and levels', async () => {
    const fragment = Array.from({ length: 8 }, (_, i) => `f${i}: id`).join(' ');
    const r = await lead.gql(`query { a: me { ...U } b: me { ...U } } fragment U on User { ${fragment} }`);
    expectRefused(r, /alias/i);
  });

  it('cost: a query within the depth, alias and token limits but over cost 5000 is refused', async () => {
    // 500 scalar fields 7 levels down: ~1,000 tokens, depth 7, no aliases, but each field costs 1.5⁶.
    const expensive = chain(7, 'id '.repeat(500));
    const cheap = chain(7, 'id '.repeat(50));
    expect((await lead.gql(cheap)).errors).toBeUndefined();
    expectRefused(await lead.gql(expensive), /cost/i);
  });

  it('tokens: a document of more than 2,000 tokens is refused before it is validated', async () => {
    const r = await lead.gql(`query { me { ${'id '.repeat(2000)} } }`);
    expect(r.data ?? undefined).toBeUndefined();
    expect(r.errors?.[0].extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    expect(r.errors?.[0].message).toMatch(/token/i);
  });

  it('directives: more than 20 directives are refused', async () => {
    const many = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    expectRefused(await lead.gql(`query { me { id ${many} } }`), /directive/i);
  });

  it('batched requests are refused, and a batched mutation writes nothing', async () => {
    const mutation = `mutation { createWorkspace(input: { name: "Batched", organisation: "O", sector: HE }) { id } }`;
    const res = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead.token}` },
      body: JSON.stringify([{ query: mutation }, { query: mutation }]),
    });
    expect(res.status).toBe(400);
    expect((await dev.db.query(`SELECT count(*)::int AS n FROM workspaces WHERE name = 'Batched'`)).rows[0].n).toBe(0);
  });

  it('in production, introspection is off, even a single __type or __schema field', async () => {
    for (const q of ['{ __schema { types { name } } }', '{ __type(name: "User") { fields { name } } }']) {
      const r = await prodLead.gql(q);
      expect(r.data ?? undefined).toBeUndefined();
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors?.[0].message).toMatch(/introspection/i);
    }
    // Outside production the same query runs (the schema is committed anyway).
    expect((await lead.gql('{ __type(name: "User") { name } }')).data).toEqual({ __type: { name: 'User' } });
  });

  it('in production, no field, argument or type suggestions leak the schema', async () => {
    const probes = [
      '{ me { emial } }', // a field close to `email`
      '{ workspace(idd: "x") { id } }', // an argument close to `id`
      'query($i: LoginInputt!) { me { id } }', // a type close to `LoginInput`
      '{ workspaces { documnts { id } } }',
    ];
    for (const q of probes) {
      const r = await prodLead.gql(q);
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      for (const e of r.errors ?? []) expect(e.message).not.toMatch(/did you mean/i);
      expect(JSON.stringify(r.errors)).not.toMatch(/"email"|"documents"|LoginInput"/);
    }
  });

  it('CSRF: a cross-origin form (urlencoded or text/plain) or GET with the session cookie runs nothing', async () => {
    const login = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "${DEMO.lead}", password: "concord-demo" }) { token } }` }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^concord_session=/);
    const mutation = (name: string) => `mutation { createWorkspace(input: { name: "${name}", organisation: "Evil", sector: OTHER }) { id } }`;
    const attempts: { name: string; init: RequestInit; url?: string }[] = [
      { name: 'CSRF form', init: { method: 'POST', headers: { cookie, origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: mutation('CSRF form') }).toString() } },
      { name: 'CSRF text', init: { method: 'POST', headers: { cookie, origin: EVIL, 'content-type': 'text/plain' }, body: JSON.stringify({ query: mutation('CSRF text') }) } },
      { name: 'CSRF multipart', init: { method: 'POST', headers: { cookie, origin: EVIL, 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: mutation('CSRF multipart') })}\r\n--x--\r\n` } },
      { name: 'CSRF get', init: { method: 'GET', headers: { cookie, origin: EVIL } }, url: `${dev.url}/graphql?query=${encodeURIComponent(mutation('CSRF get'))}` },
    ];
    for (const a of attempts) {
      const res = await fetch(a.url ?? `${dev.url}/graphql`, a.init);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toMatch(/"createWorkspace"/);
    }
    const written = await dev.db.query(`SELECT name FROM workspaces WHERE name LIKE 'CSRF %'`);
    expect(written.rows).toEqual([]);
    // The same cookie still works from our own page (a JSON POST), so nothing above was refused for lack of a session.
    const own = await fetch(`${dev.url}/graphql`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { email } }' }) });
    expect((await own.json()).data.me.email).toBe(DEMO.lead);
  });

  it('no stack traces: an internal error and a validation error, in production and in development', async () => {
    for (const [server, api] of [
      [dev, lead],
      [prod, prodLead],
    ] as const) {
      const ws = (await api.ok(`{ workspaces { id } }`)).workspaces[0].id;
      // An internal failure: the table behind a field disappears under the running server.
      await server.db.query('ALTER TABLE glossary_entries RENAME TO glossary_entries_gone');
      let internal: Response;
      try {
        internal = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
          body: JSON.stringify({ query: `query($id: ID!) { workspace(id: $id) { id glossary { term } } }`, variables: { id: ws } }),
        });
      } finally {
        await server.db.query('ALTER TABLE glossary_entries_gone RENAME TO glossary_entries');
      }
      const body = await internal.text();
      const parsed = JSON.parse(body);
      expect(parsed.errors[0]).toEqual({ message: 'Internal server error', path: ['workspace', 'glossary'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expectNoInternals(body);
      expect(body).not.toMatch(/glossary_entries|relation|SELECT/i);
      expect(server.output()).toContain('unexpected error'); // logged on the server instead

      for (const q of ['{ me { passwordHash } }', '{ workspace(id: 5) { id } }', 'query { me { id } } query { me { id } }']) {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` }, body: JSON.stringify({ query: q }) });
        const text = await res.text();
        expect(JSON.parse(text).errors.length).toBeGreaterThan(0);
        expectNoInternals(text);
      }
      // A domain error keeps its code and nothing else.
      const missing = await api.gql(`{ document(id: "00000000-0000-4000-8000-000000000000") { id } }`);
      expect(JSON.stringify(missing)).not.toMatch(/stacktrace|exception/i);
    }
  });
});
