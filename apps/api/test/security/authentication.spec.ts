// Authentication points of issue 9 that auth.spec.ts and workspaces.spec.ts do not already prove:
// session rotation at sign-in, revocation at sign-out (cookie replay) and on removal from a workspace,
// invitation tokens that appear nowhere but in the link, and the Secure flag behind TLS.
// (Already proven there: throttling per account and per address with aliased logins, argon2id with
// OWASP parameters, httpOnly SameSite=Lax cookies, 128-bit hashed single-use expiring invitations.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO, DEMO_PASSWORD } from '../support/graphql';
import { closeCodeOf } from '../support/collab';
import { startServer, TestServer } from '../support/server';

const LOGIN = `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { link invitation { id } } }`;

describe('authentication: sessions, invitations and cookies', () => {
  let server: TestServer;
  let anon: Api;
  let lead: Api;
  let workspaceId: string;
  let documentId: string;

  /** A raw sign-in, so that headers (a cookie the browser already holds, a proxy's) can be set. */
  const signIn = async (email: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: LOGIN, variables: { e: email, p: DEMO_PASSWORD } }),
    });
    const body = (await res.json()) as { data?: { login: { token: string } }; errors?: unknown[] };
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { token: body.data?.login.token, setCookie, cookie: setCookie.split(';')[0] };
  };
  const meWithCookie = async (cookie: string) =>
    ((await new Api(server.url, undefined, { cookie }).ok<{ me: { email: string } | null }>(`{ me { email } }`)).me?.email ?? null);

  beforeAll(async () => {
    server = await startServer();
    anon = new Api(server.url);
    lead = await anon.login(DEMO.lead);
    const ws = await lead.ok(`{ workspaces { id documents { id } } }`);
    workspaceId = ws.workspaces[0].id;
    documentId = ws.workspaces[0].documents[0].id;
  });
  afterAll(() => server?.close());

  describe('sessions', () => {
    it('a sign-in rotates the session: a new token each time, and the one the browser held stops working', async () => {
      const first = await signIn(DEMO.editor);
      expect(first.cookie).toMatch(/^concord_session=.+/);
      expect(await meWithCookie(first.cookie)).toBe(DEMO.editor);

      const second = await signIn(DEMO.editor, { cookie: first.cookie });
      expect(second.token).toBeDefined();
      expect(second.token).not.toBe(first.token);
      expect(second.cookie).not.toBe(first.cookie);
      expect(await meWithCookie(second.cookie)).toBe(DEMO.editor);
      expect(await meWithCookie(first.cookie)).toBeNull(); // revoked by the rotation
      expect((await anon.as(first.token).ok(`{ me { id } }`)).me).toBeNull();

      // Another account signing in on the same browser does not inherit or keep the earlier session.
      const other = await signIn(DEMO.observer, { cookie: second.cookie });
      expect(await meWithCookie(other.cookie)).toBe(DEMO.observer);
      expect(await meWithCookie(second.cookie)).toBeNull();
    });

    it('a session id planted before sign-in is never adopted (no session fixation)', async () => {
      const planted = 'concord_session=attacker-chosen-value-0123456789abcdef';
      const r = await signIn(DEMO.memberHe, { cookie: planted });
      expect(r.cookie).not.toBe(planted);
      expect(r.token).not.toContain('attacker-chosen');
      expect(await meWithCookie(planted)).toBeNull();
      expect(await meWithCookie(r.cookie)).toBe(DEMO.memberHe);
      // Tokens are 256-bit random values, different on every sign-in.
      const tokens = new Set<string>();
      for (let i = 0; i < 5; i++) tokens.add((await signIn(DEMO.memberNhs)).token!);
      expect(tokens.size).toBe(5);
      for (const t of tokens) expect(Buffer.from(t, 'base64url').length).toBeGreaterThanOrEqual(32);
    });

    it('sign-out revokes the session on the server: a replayed cookie no longer works, and the cookie is cleared', async () => {
      const s = await signIn(DEMO.memberNhs);
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie }, body: JSON.stringify({ query: 'mutation { logout }' }) });
      expect((await res.json()).data.logout).toBe(true);
      const cleared = res.headers.get('set-cookie') ?? '';
      expect(cleared).toMatch(/^concord_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/i);
      expect(await meWithCookie(s.cookie)).toBeNull(); // replaying the old cookie
      expect(codeOf(await anon.as(s.token).gql(`{ workspaces { id } }`))).toBe('UNAUTHENTICATED');
    });

    it('removing a member stops their sessions reaching the workspace at once: every path, bearer or cookie, HTTP or collaboration', async () => {
      const email = `leaver.${Date.now()}@example.org`;
      const inv = await lead.ok(INVITE, { input: { workspaceId, email, role: 'MEMBER', organisation: 'Org', sector: 'HE' } });
      const token = inv.inviteMember.link.split('/invite/')[1];
      const joined = await anon.ok(ACCEPT, { input: { token, name: 'Leaver', password: 'a-long-password-1' } });
      const bearer = anon.as(joined.acceptInvitation.token);
      const viaCookie = await (async () => {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { e: email, p: 'a-long-password-1' } }) });
        return (res.headers.get('set-cookie') ?? '').split(';')[0];
      })();
      const cookieApi = new Api(server.url, undefined, { cookie: viaCookie });
      const DOC = `query($id: ID!) { document(id: $id) { id title } }`;
      const WS = `query($id: ID!) { workspace(id: $id) { id documents { id } } }`;
      for (const api of [bearer, cookieApi]) {
        expect((await api.ok(WS, { id: workspaceId })).workspace).not.toBeNull();
        expect((await api.ok(DOC, { id: documentId })).document).not.toBeNull();
      }
      const wsUrl = (t: string) => `${server.url.replace('http', 'ws')}/collab/${documentId}?token=${encodeURIComponent(t)}`;

      const memberId = (await server.db.query(`SELECT m.id FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.workspace_id = $2`, [email, workspaceId])).rows[0].id;
      expect((await lead.ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: memberId })).removeMember).toBe(true);

      for (const api of [bearer, cookieApi]) {
        expect((await api.ok(WS, { id: workspaceId })).workspace).toBeNull();
        expect((await api.ok(DOC, { id: documentId })).document).toBeNull();
        expect(codeOf(await api.gql(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, { i: { documentId, kind: 'COMMENT', anchor: 'x.y', quote: 'q', body: 'b' } }))).toBe('NOT_FOUND');
        expect((await api.ok(`{ workspaces { id } }`)).workspaces.map((w: { id: string }) => w.id)).not.toContain(workspaceId);
      }
      const refused = await closeCodeOf(wsUrl(joined.acceptInvitation.token));
      expect([4403, 4404]).toContain(refused.code);
      expect(refused.received).toBe(0);
      // The account itself stays signed in (sessions are per account; access is per workspace).
      expect((await bearer.ok(`{ me { email } }`)).me.email).toBe(email);
    });
  });

  describe('invitation tokens', () => {
    it('appear nowhere but in the link: not in any table, not in the server log, even after use and misuse', async () => {
      const email = `quiet.${Date.now()}@example.org`;
      const r = await lead.ok(INVITE, { input: { workspaceId, email, role: 'OBSERVER', organisation: 'Org', sector: 'OTHER' } });
      const token: string = r.inviteMember.link.split('/invite/')[1];
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
      // Misuse and use: a preview, a wrong password for a new account (too short), then acceptance, then a replay.
      await anon.gql(`query($t: String!) { invitation(token: $t) { email } }`, { t: token });
      await anon.gql(ACCEPT, { input: { token, name: 'Quiet', password: 'short' } });
      expect((await anon.gql(ACCEPT, { input: { token, name: 'Quiet', password: 'a-long-password-1' } })).errors).toBeUndefined();
      const replay = await anon.gql(ACCEPT, { input: { token, name: 'Again', password: 'a-long-password-2' } });
      expect(replay.errors?.[0].extensions?.reason).toBe('USED');

      const hex = Buffer.from(token, 'base64url').toString('hex');
      const tables = (await server.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows.map((t: { table_name: string }) => t.table_name);
      const hits: string[] = [];
      for (const table of tables) {
        const found = await server.db.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE row_to_json(t)::text LIKE $1 OR row_to_json(t)::text LIKE $2`, [`%${token}%`, `%${hex}%`]);
        if (found.rows[0].n > 0) hits.push(table);
      }
      expect(tables).toEqual(expect.arrayContaining(['invitations', 'audit_events', 'sessions', 'users']));
      expect(hits).toEqual([]);
      expect(server.output()).not.toContain(token);
      expect(server.output()).not.toContain(hex);
    });

    it('an expired token is refused even by the preview, and the stored hash does not work as a token', async () => {
      const email = `late.${Date.now()}@example.org`;
      const r = await lead.ok(INVITE, { input: { workspaceId, email, role: 'MEMBER', organisation: 'Org', sector: 'HE' } });
      const token: string = r.inviteMember.link.split('/invite/')[1];
      await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [r.inviteMember.invitation.id]);
      const preview = await anon.gql(`query($t: String!) { invitation(token: $t) { email } }`, { t: token });
      expect(preview.errors?.[0].extensions?.reason).toBe('EXPIRED');
      // The stored hash cannot be used as a token.
      const stored = (await server.db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [r.inviteMember.invitation.id])).rows[0].token_hash as string;
      expect(codeOf(await anon.gql(`query($t: String!) { invitation(token: $t) { email } }`, { t: stored }))).toBe('NOT_FOUND');
    });
  });

  describe('cookies', () => {
    it('are httpOnly and SameSite=Lax always, and Secure when the request came over TLS through the proxy', async () => {
      const plain = await signIn(DEMO.observer);
      expect(plain.setCookie).toMatch(/HttpOnly/i);
      expect(plain.setCookie).toMatch(/SameSite=Lax/i);
      expect(plain.setCookie).not.toMatch(/;\s*Secure/i); // plain http on localhost: a Secure cookie would never come back

      const tls = await signIn(DEMO.observer, { 'x-forwarded-proto': 'https' });
      expect(tls.setCookie).toMatch(/HttpOnly/i);
      expect(tls.setCookie).toMatch(/SameSite=Lax/i);
      expect(tls.setCookie).toMatch(/;\s*Secure/i);
      expect(tls.setCookie).toMatch(/Path=\//);

      const out = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: tls.cookie, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      });
      expect(out.headers.get('set-cookie') ?? '').toMatch(/;\s*Secure/i);
    });
  });
});
