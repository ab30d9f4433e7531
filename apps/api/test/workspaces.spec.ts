import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { link invitation { id email role status expiresAt } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { email name } } }`;
const MEMBERS = `query($id: ID!) { workspace(id: $id) { members { id role sector organisation user { email name } } } }`;
const CHANGE_ROLE = `mutation($m: ID!, $r: Role!) { changeMemberRole(memberId: $m, role: $r) { id role } }`;
const REMOVE = `mutation($m: ID!) { removeMember(memberId: $m) }`;

const tokenOf = (link: string) => link.split('/invite/')[1];

describe('workspaces, members and invitations', () => {
  let server: TestServer;
  let anon: Api;
  let lead: Api;
  let workspaceId: string;
  let count: (table: string) => Promise<number>;
  const memberId = async (email: string) => {
    const r = await server.db.query(`SELECT m.id FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.workspace_id = $2`, [email, workspaceId]);
    return r.rows[0]?.id as string;
  };
  const invite = async (email: string, role = 'MEMBER', by: Api = lead) =>
    by.gql(INVITE, { input: { workspaceId, email, role, organisation: 'University of Leeds', sector: 'HE' } });

  beforeAll(async () => {
    server = await startServer();
    anon = new Api(server.url);
    lead = await anon.login(DEMO.lead);
    workspaceId = (await lead.ok(`{ workspaces { id } }`)).workspaces[0].id;
    count = async (table) => (await server.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  });
  afterAll(() => server?.close());

  describe('visibility', () => {
    it('a member sees the seeded workspace with its six members across sectors', async () => {
      const member = await anon.login(DEMO.memberNhs);
      const data = await member.ok(`query($id: ID!) { workspace(id: $id) { name myRole members { sector user { email } } criteria { statement } sources { title } models { illustrative } documents { title } } }`, { id: workspaceId });
      expect(data.workspace.myRole).toBe('MEMBER');
      expect(data.workspace.members).toHaveLength(6);
      expect(new Set(data.workspace.members.map((m: { sector: string }) => m.sector))).toEqual(new Set(['HE', 'NHS', 'SECTOR_BODY', 'OTHER']));
      expect(data.workspace.criteria).toHaveLength(5);
      expect(data.workspace.sources.map((s: { title: string }) => s.title)).toContain('NHS-University Partnerships: Working Together for Student Mental Health');
      expect(data.workspace.models.every((m: { illustrative: boolean }) => m.illustrative)).toBe(true);
      expect(data.workspace.documents).toHaveLength(1);
    });

    it('the dashboard counts on the server what the lists hold, lists the first criteria, and hides both from reviewers', async () => {
      const observer = await anon.login(DEMO.observer);
      const lists = await observer.ok(`query($id: ID!) { workspace(id: $id) { documents { id } members { id } sources { id } models { id } criteria { id } } }`, { id: workspaceId });
      const data = await observer.ok(`query($id: ID!) { workspace(id: $id) { counts { drafts members sources models criteria } criteria(first: 3) { id } } }`, { id: workspaceId });
      expect(data.workspace.counts).toEqual({
        drafts: lists.workspace.documents.length,
        members: lists.workspace.members.length,
        sources: lists.workspace.sources.length,
        models: lists.workspace.models.length,
        criteria: lists.workspace.criteria.length,
      });
      expect(data.workspace.counts.criteria).toBeGreaterThan(3);
      expect(data.workspace.criteria).toEqual(lists.workspace.criteria.slice(0, 3));
      // A new source shows in the count at once.
      await lead.ok(`mutation($i: CreateSourceInput!) { createSource(input: $i) { id } }`, { i: { workspaceId, title: 'Counted source', authors: 'Universities UK', year: 2024, type: 'REPORT' } });
      expect((await observer.ok(`query($id: ID!) { workspace(id: $id) { counts { sources } } }`, { id: workspaceId })).workspace.counts.sources).toBe(data.workspace.counts.sources + 1);
      expect(codeOf(await observer.gql(`query($id: ID!) { workspace(id: $id) { criteria(first: 0) { id } } }`, { id: workspaceId }))).toBe('BAD_USER_INPUT');
      const reviewer = await anon.login(DEMO.reviewer);
      expect(codeOf(await reviewer.gql(`query($id: ID!) { workspace(id: $id) { counts { drafts } } }`, { id: workspaceId }))).toBe('FORBIDDEN');
    });

    it('a non-member gets null for the workspace and NOT_FOUND for its operations, never FORBIDDEN', async () => {
      const stranger = await createAccount('stranger@example.org');
      expect((await stranger.ok(`query($id: ID!) { workspace(id: $id) { id name } }`, { id: workspaceId })).workspace).toBeNull();
      expect((await stranger.ok(`{ workspaces { id } }`)).workspaces).toEqual([]);
      const r = await invite('someone@example.org', 'MEMBER', stranger);
      expect(codeOf(r)).toBe('NOT_FOUND');
      const m = await stranger.gql(CHANGE_ROLE, { m: await memberId(DEMO.memberHe), r: 'LEAD' });
      expect(codeOf(m)).toBe('NOT_FOUND');
    });

    it('an unknown workspace id looks exactly like a hidden one', async () => {
      expect((await lead.ok(`query($id: ID!) { workspace(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' })).workspace).toBeNull();
    });

    it('signed out, workspace lists are UNAUTHENTICATED', async () => {
      expect(codeOf(await anon.gql(`{ workspaces { id } }`))).toBe('UNAUTHENTICATED');
    });

    it('a reviewer sees the workspace but not its members or content', async () => {
      const reviewer = await anon.login(DEMO.reviewer);
      const ok = await reviewer.ok(`query($id: ID!) { workspace(id: $id) { name myRole } }`, { id: workspaceId });
      expect(ok.workspace.myRole).toBe('REVIEWER');
      expect(codeOf(await reviewer.gql(MEMBERS, { id: workspaceId }))).toBe('FORBIDDEN');
      expect(codeOf(await reviewer.gql(`query($id: ID!) { workspace(id: $id) { criteria { id } } }`, { id: workspaceId }))).toBe('FORBIDDEN');
    });

    it('only leads read invitations and the audit log', async () => {
      const editor = await anon.login(DEMO.editor);
      expect(codeOf(await editor.gql(`query($id: ID!) { workspace(id: $id) { invitations { id } } }`, { id: workspaceId }))).toBe('FORBIDDEN');
      expect(codeOf(await editor.gql(`query($id: ID!) { workspace(id: $id) { auditLog { id } } }`, { id: workspaceId }))).toBe('FORBIDDEN');
      const audit = await lead.ok(`query($id: ID!) { workspace(id: $id) { auditLog { action summary } } }`, { id: workspaceId });
      expect(audit.workspace.auditLog.length).toBeGreaterThan(0);
    });
  });

  describe('invitations', () => {
    it('a lead invites; the link is single use and creates the account and the membership', async () => {
      const r = await invite('new.person@example.org', 'EDITOR');
      expect(r.errors).toBeUndefined();
      const { link, invitation } = r.data!.inviteMember;
      expect(invitation.status).toBe('PENDING');
      const token = tokenOf(link);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16); // 128 bits
      const stored = await server.db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [invitation.id]);
      expect(stored.rows[0].token_hash).not.toContain(token);

      const preview = await anon.ok(`query($t: String!) { invitation(token: $t) { workspaceName email role accountExists } }`, { t: token });
      expect(preview.invitation).toMatchObject({ email: 'new.person@example.org', role: 'EDITOR', accountExists: false });

      const accepted = await anon.gql(ACCEPT, { input: { token, name: 'New Person', password: 'a-long-password-1' } });
      expect(accepted.errors).toBeUndefined();
      const newcomer = anon.as(accepted.data!.acceptInvitation.token);
      const ws = await newcomer.ok(`query($id: ID!) { workspace(id: $id) { myRole myMembership { organisation sector } } }`, { id: workspaceId });
      expect(ws.workspace).toEqual({ myRole: 'EDITOR', myMembership: { organisation: 'University of Leeds', sector: 'HE' } });

      const reused = await anon.gql(ACCEPT, { input: { token, name: 'Someone Else', password: 'another-password-2' } });
      expect(codeOf(reused)).toBe('CONFLICT');
      expect(reused.errors![0].extensions!.reason).toBe('USED');
    });

    it('an expired link is refused and writes nothing', async () => {
      const r = await invite('late@example.org');
      const { link, invitation } = r.data!.inviteMember;
      await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitation.id]);
      const users = await count('users');
      const members = await count('members');
      const res = await anon.gql(ACCEPT, { input: { token: tokenOf(link), name: 'Late', password: 'a-long-password-1' } });
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].extensions!.reason).toBe('EXPIRED');
      expect(await count('users')).toBe(users);
      expect(await count('members')).toBe(members);
    });

    it('a tampered or unknown token is NOT_FOUND', async () => {
      const r = await invite('tamper@example.org');
      const token = tokenOf(r.data!.inviteMember.link);
      const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      expect(codeOf(await anon.gql(ACCEPT, { input: { token: tampered, name: 'T', password: 'a-long-password-1' } }))).toBe('NOT_FOUND');
      expect(codeOf(await anon.gql(`query($t: String!) { invitation(token: $t) { email } }`, { t: 'nonsense' }))).toBe('NOT_FOUND');
    });

    it('a revoked invitation cannot be accepted', async () => {
      const r = await invite('revoked@example.org');
      const { link, invitation } = r.data!.inviteMember;
      expect((await lead.ok(`mutation($id: ID!) { revokeInvitation(id: $id) { status } }`, { id: invitation.id })).revokeInvitation.status).toBe('REVOKED');
      const res = await anon.gql(ACCEPT, { input: { token: tokenOf(link), name: 'R', password: 'a-long-password-1' } });
      expect(res.errors![0].extensions!.reason).toBe('REVOKED');
    });

    it('an existing account joins with its own password, and a wrong one is refused', async () => {
      await createAccount('existing@example.org');
      const r = await invite('existing@example.org', 'OBSERVER');
      const token = tokenOf(r.data!.inviteMember.link);
      expect((await anon.ok(`query($t: String!) { invitation(token: $t) { accountExists } }`, { t: token })).invitation.accountExists).toBe(true);
      expect(codeOf(await anon.gql(ACCEPT, { input: { token, password: 'wrong-password-here' } }))).toBe('UNAUTHENTICATED');
      const ok = await anon.gql(ACCEPT, { input: { token, password: 'existing-password-1' } });
      expect(ok.errors).toBeUndefined();
    });

    it('inviting a current member is a CONFLICT', async () => {
      const r = await invite(DEMO.memberHe);
      expect(codeOf(r)).toBe('CONFLICT');
    });

    it('only a lead can invite', async () => {
      for (const email of [DEMO.editor, DEMO.memberHe, DEMO.observer]) {
        const who = await anon.login(email);
        expect(codeOf(await invite('x@example.org', 'MEMBER', who))).toBe('FORBIDDEN');
      }
      expect(codeOf(await invite('x@example.org', 'MEMBER', await anon.login(DEMO.reviewer)))).toBe('FORBIDDEN');
      expect(codeOf(await invite('x@example.org', 'MEMBER', anon))).toBe('UNAUTHENTICATED');
    });

    it('writes each invitation to the outbox without logging the token', async () => {
      const r = await invite('outbox@example.org');
      const token = tokenOf(r.data!.inviteMember.link);
      expect(server.output()).toContain('invitation mail written to the outbox');
      expect(server.output()).not.toContain(token);
    });
  });

  describe('roles', () => {
    it('only a lead changes roles or removes members', async () => {
      const target = await memberId(DEMO.memberHe);
      const editor = await anon.login(DEMO.editor);
      expect(codeOf(await editor.gql(CHANGE_ROLE, { m: target, r: 'EDITOR' }))).toBe('FORBIDDEN');
      expect(codeOf(await editor.gql(REMOVE, { m: target }))).toBe('FORBIDDEN');
      const r = await lead.ok(CHANGE_ROLE, { m: target, r: 'EDITOR' });
      expect(r.changeMemberRole.role).toBe('EDITOR');
      await lead.ok(CHANGE_ROLE, { m: target, r: 'MEMBER' });
      const audit = await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.roleChanged' AND target_id = $1`, [target]);
      expect(audit.rows[0].n).toBe(2);
    });

    it('the last lead can be neither demoted nor removed', async () => {
      const me = await memberId(DEMO.lead);
      const demote = await lead.gql(CHANGE_ROLE, { m: me, r: 'MEMBER' });
      expect(codeOf(demote)).toBe('CONFLICT');
      expect(demote.errors![0].extensions!.reason).toBe('LAST_LEAD');
      expect(codeOf(await lead.gql(REMOVE, { m: me }))).toBe('CONFLICT');
      const role = await server.db.query(`SELECT role FROM members WHERE id = $1`, [me]);
      expect(role.rows[0].role).toBe('LEAD');
    });

    it('two leads demoting each other at once leave one lead', async () => {
      const editorId = await memberId(DEMO.editor);
      const leadId = await memberId(DEMO.lead);
      await lead.ok(CHANGE_ROLE, { m: editorId, r: 'LEAD' });
      const second = await anon.login(DEMO.editor);
      const results = await Promise.all([lead.gql(CHANGE_ROLE, { m: editorId, r: 'EDITOR' }), second.gql(CHANGE_ROLE, { m: leadId, r: 'EDITOR' })]);
      const leads = await server.db.query(`SELECT count(*)::int AS n FROM members WHERE workspace_id = $1 AND role = 'LEAD'`, [workspaceId]);
      expect(leads.rows[0].n).toBe(1);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      // Restore the demo shape for the tests that follow.
      const remaining = await server.db.query(`SELECT u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.role = 'LEAD'`, [workspaceId]);
      if (remaining.rows[0].email !== DEMO.lead) {
        await second.ok(CHANGE_ROLE, { m: leadId, r: 'LEAD' });
        await lead.ok(CHANGE_ROLE, { m: editorId, r: 'EDITOR' });
      }
    });

    it('a removed member loses access at once', async () => {
      const r = await invite('short.stay@example.org');
      const accepted = await anon.ok(ACCEPT, { input: { token: tokenOf(r.data!.inviteMember.link), name: 'Short Stay', password: 'a-long-password-1' } });
      const guest = anon.as(accepted.acceptInvitation.token);
      expect((await guest.ok(`query($id: ID!) { workspace(id: $id) { id } }`, { id: workspaceId })).workspace).not.toBeNull();
      expect((await lead.ok(REMOVE, { m: await memberId('short.stay@example.org') })).removeMember).toBe(true);
      expect((await guest.ok(`query($id: ID!) { workspace(id: $id) { id } }`, { id: workspaceId })).workspace).toBeNull();
      expect(codeOf(await guest.gql(MEMBERS, { id: workspaceId }))).toBeUndefined(); // the field is simply null
    });
  });

  describe('bad input', () => {
    it.each([
      ['an invalid email', { email: 'not-an-email' }, 'input.email'],
      ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.org` }, 'input.email'],
      ['an empty organisation', { organisation: '  ' }, 'input.organisation'],
      ['an organisation over 200 characters', { organisation: 'x'.repeat(201) }, 'input.organisation'],
      ['a workspace id that is not an id', { workspaceId: 'abc' }, 'input.workspaceId'],
    ])('%s is BAD_USER_INPUT naming the field, and writes nothing', async (_label, override, field) => {
      const before = await count('invitations');
      const r = await lead.gql(INVITE, { input: { workspaceId, email: 'ok@example.org', role: 'MEMBER', organisation: 'Org', sector: 'HE', ...override } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe(field);
      expect(await count('invitations')).toBe(before);
    });

    it('an unknown field in an input is refused before anything runs', async () => {
      const before = await count('invitations');
      const r = await lead.gql(INVITE, { input: { workspaceId, email: 'ok@example.org', role: 'MEMBER', organisation: 'Org', sector: 'HE', admin: true } });
      expect(r.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
      expect(await count('invitations')).toBe(before);
    });

    it('an unknown enum value is refused', async () => {
      const r = await lead.gql(INVITE, { input: { workspaceId, email: 'ok@example.org', role: 'OWNER', organisation: 'Org', sector: 'HE' } });
      expect(r.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    });

    it('a short password for a new account is refused and creates no account', async () => {
      const r = await invite('shortpw@example.org');
      const users = await count('users');
      const res = await anon.gql(ACCEPT, { input: { token: tokenOf(r.data!.inviteMember.link), name: 'S', password: 'short' } });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('input.password');
      expect(await count('users')).toBe(users);
    });

    it('a workspace name over the limit is refused', async () => {
      const r = await lead.gql(`mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { id } }`, { i: { name: 'x'.repeat(121), organisation: 'Org', sector: 'HE' } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('input.name');
    });
  });

  it('anyone signed in can create a workspace and becomes its lead', async () => {
    const someone = await createAccount('founder@example.org');
    const created = await someone.ok(`mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { id name myRole } }`, { i: { name: 'Another group', organisation: 'Org', sector: 'NHS' } });
    expect(created.createWorkspace.myRole).toBe('LEAD');
    expect((await lead.ok(`query($id: ID!) { workspace(id: $id) { id } }`, { id: created.createWorkspace.id })).workspace).toBeNull();
  });

  /** An account made through the product itself: a fresh workspace's invitation. */
  async function createAccount(email: string): Promise<Api> {
    const founder = lead;
    const r = await founder.gql(INVITE, { input: { workspaceId, email, role: 'MEMBER', organisation: 'Temp', sector: 'OTHER' } });
    const password = email.startsWith('existing') ? 'existing-password-1' : 'a-long-password-1';
    const accepted = await anon.ok(ACCEPT, { input: { token: tokenOf(r.data!.inviteMember.link), name: email.split('@')[0], password } });
    const api = anon.as(accepted.acceptInvitation.token);
    await lead.ok(REMOVE, { m: await memberId(email) });
    return api;
  }
});
