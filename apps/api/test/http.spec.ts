// What reaches the server that is not a well-formed GraphQL request, and the HTTP surface around it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { Api, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

describe('the HTTP surface', () => {
  let server: TestServer;
  let lead: Api;

  beforeAll(async () => {
    server = await startServer();
    lead = await new Api(server.url).login(DEMO.lead);
  });
  afterAll(() => server?.close());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers, body });

  it('GET /healthz is 200 with the database ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('malformed JSON is a 400 with a code, and no stack trace', async () => {
    const res = await post('{"query": "{ me { id } ');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a text/plain POST (a cross-site form) runs nothing: CSRF prevention', async () => {
    const before = (await server.db.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n;
    const res = await post(JSON.stringify({ query: 'mutation { login(input: { email: "lead@demo.concord.test", password: "concord-demo" }) { token } }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect((await server.db.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n).toBe(before);
  });

  it('batched requests are refused', async () => {
    const res = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
    expect(res.status).toBe(400);
  });

  it('a syntax error is refused with a code', async () => {
    const r = await lead.gql('{ me { id }');
    expect(r.errors?.[0].extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    expect(r.errors?.[0].message).toMatch(/Syntax Error/);
  });

  it('an unknown field is GRAPHQL_VALIDATION_FAILED, without suggesting field names', async () => {
    const r = await lead.gql('{ me { passwordHas } }');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('the standard introspection query runs outside production', async () => {
    const r = await lead.gql(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
  });

  it('in production, introspection is off and no demo is seeded', async () => {
    const prod = await startServer({ seed: false, env: { NODE_ENV: 'production', SEED_DEMO: '' } });
    try {
      const r = await new Api(prod.url).gql(getIntrospectionQuery());
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors?.[0].message).toMatch(/introspection/i);
      expect((await prod.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
    } finally {
      await prod.close();
    }
  });

  it('more than 15 aliases are refused', async () => {
    const ok = Array.from({ length: 15 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect((await lead.gql(`{ ${ok} }`)).errors).toBeUndefined();
    const tooMany = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const r = await lead.gql(`{ ${tooMany} }`);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/alias/i);
  });

  it('a request body over 1 MB is refused with 413', async () => {
    const res = await post(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves nothing but the API when the web app is not built, and sets protective headers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
