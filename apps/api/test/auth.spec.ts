import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const LOGIN = `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token user { id email name } } }`;

describe('authentication', () => {
  let server: TestServer;
  let api: Api;

  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '40' } });
    api = new Api(server.url);
  });
  afterAll(() => server?.close());

  it('signs in with the right password and answers me', async () => {
    const r = await api.gql(LOGIN, { e: DEMO.editor, p: 'concord-demo' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.login.user.email).toBe(DEMO.editor);
    const me = await api.as(r.data!.login.token).ok(`{ me { email name } }`);
    expect(me.me).toEqual({ email: DEMO.editor, name: 'Tom Editor' });
  });

  it('sets an httpOnly SameSite=Lax session cookie that authenticates on its own', async () => {
    const r = await api.gql(LOGIN, { e: DEMO.observer, p: 'concord-demo' });
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^concord_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const pair = cookie.split(';')[0];
    const me = await new Api(server.url, undefined, { cookie: pair }).ok(`{ me { email } }`);
    expect(me.me.email).toBe(DEMO.observer);
  });

  it('emails are matched without regard to case or surrounding spaces', async () => {
    const r = await api.gql(LOGIN, { e: '  Member.HE@demo.concord.test ', p: 'concord-demo' });
    expect(r.data?.login.user.email).toBe(DEMO.memberHe);
  });

  it('gives the same error for a wrong password and an unknown email, and writes no session', async () => {
    const before = await server.db.query('SELECT count(*)::int AS n FROM sessions');
    const wrong = await api.gql(LOGIN, { e: DEMO.memberNhs, p: 'not-the-password' });
    const unknown = await api.gql(LOGIN, { e: 'nobody@example.org', p: 'not-the-password' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.data).toBeNull();
    const after = await server.db.query('SELECT count(*)::int AS n FROM sessions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('me is null when signed out, and with a forged or expired token', async () => {
    expect((await api.ok(`{ me { id } }`)).me).toBeNull();
    expect((await api.as('forged-token-that-was-never-issued').ok(`{ me { id } }`)).me).toBeNull();
    const signedIn = await api.login(DEMO.memberHe);
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL`);
    expect((await signedIn.ok(`{ me { id } }`)).me).toBeNull();
    const denied = await signedIn.gql(`{ workspaces { id } }`);
    expect(codeOf(denied)).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session on the server', async () => {
    const lead = await api.login(DEMO.lead);
    expect((await lead.ok(`{ me { email } }`)).me.email).toBe(DEMO.lead);
    expect((await lead.ok(`mutation { logout }`)).logout).toBe(true);
    expect((await lead.ok(`{ me { email } }`)).me).toBeNull();
    expect(codeOf(await lead.gql(`{ workspaces { id } }`))).toBe('UNAUTHENTICATED');
    const row = await server.db.query(`SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NOT NULL`);
    expect(row.rows[0].n).toBeGreaterThan(0);
  });

  it('stores only an HMAC of the token, and argon2id hashes with OWASP parameters', async () => {
    const r = await api.gql(LOGIN, { e: DEMO.editor, p: 'concord-demo' });
    const token = r.data!.login.token as string;
    const sessions = await server.db.query('SELECT token_hash FROM sessions');
    expect(sessions.rows.every((s: { token_hash: string }) => s.token_hash !== token && /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    const user = await server.db.query(`SELECT password_hash FROM users WHERE email = $1`, [DEMO.editor]);
    const [, algorithm, , params] = (user.rows[0].password_hash as string).split('$');
    expect(algorithm).toBe('argon2id');
    expect(Object.fromEntries(params.split(',').map((kv) => kv.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
  });

  it('throttles failed sign-ins per account, even with the right password afterwards', async () => {
    const account = DEMO.reviewer;
    for (let i = 0; i < 3; i++) expect(codeOf(await api.gql(LOGIN, { e: account, p: `wrong-${i}` }))).toBe('UNAUTHENTICATED');
    const blocked = await api.gql(LOGIN, { e: account, p: 'concord-demo' });
    expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected by one account's lock.
    expect(codeOf(await api.gql(LOGIN, { e: DEMO.memberNhs, p: 'concord-demo' }))).toBeUndefined();
  });

  it('throttles sign-in attempts per address, including aliased login fields in one request', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: login(input: { email: "probe${i}@example.org", password: "x" }) { token }`).join('\n');
    const codes: (string | undefined)[] = [];
    for (let round = 0; round < 4; round++) {
      const r = await api.gql(`mutation { ${aliases} }`);
      codes.push(...(r.errors ?? []).map((e) => e.extensions?.code));
    }
    expect(codes).toContain('TOO_MANY_REQUESTS');
  });
});
