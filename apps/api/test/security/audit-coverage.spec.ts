// The audit log covers every security-relevant action: each is performed through the API and its entry
// found in audit_events (actor, action, target, time) and in the lead's auditLog. Failed authorization
// is recorded once per denied operation and request, with the operation's key, the code and the role,
// and nothing of the request's arguments or credentials.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeCodeOf } from '../support/collab';
import { Api, codeOf, DEMO } from '../support/graphql';
import { startServer, TestServer } from '../support/server';

const SECRET = 'audit-coverage-secret-0123456789abcdef01234567';

interface Row {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  target_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

describe('audit coverage', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, memberHe: Api, observer: Api, reviewer: Api, outsider: Api;
  let workspaceId: string;
  let documentId: string;
  let criterionId: string;
  const userIds: Record<string, string> = {};
  const covered: { action: string; entry: string }[] = [];

  const now = async (): Promise<Date> => (await server.db.query('SELECT clock_timestamp() AS t')).rows[0].t;
  /** The entries of `action` by `actor` on `target` written since `since`. */
  const entries = async (action: string, actor: string, target: string | null, since: Date): Promise<Row[]> =>
    (await server.db.query(`SELECT * FROM audit_events WHERE action = $1 AND actor_id = $2 AND target_id IS NOT DISTINCT FROM $3 AND created_at >= $4 ORDER BY created_at`, [action, actor, target, since])).rows;
  /** Exactly one entry, in this workspace, timed between `since` and now. */
  async function found(action: string, actor: string, target: string | null, since: Date, data: Record<string, unknown> = {}): Promise<Row> {
    const rows = await entries(action, actor, target, since);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row.workspace_id).toBe(workspaceId);
    expect(row.created_at.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(row.created_at.getTime()).toBeLessThanOrEqual((await now()).getTime());
    expect(row.data).toMatchObject(data);
    covered.push({ action, entry: `${row.action} actor=${row.actor_id} target=${row.target_id} at=${row.created_at.toISOString()} ${JSON.stringify(row.data)}` });
    return row;
  }

  async function makeMember(role: string | null, tag: string): Promise<{ api: Api; userId: string; memberId: string | null }> {
    const u = await server.db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [`${tag}.${randomBytes(3).toString('hex')}@example.org`, `Audit ${tag}`]);
    const m = role ? await server.db.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) VALUES ($1, $2, $3, 'Org', 'HE') RETURNING id`, [workspaceId, u.rows[0].id, role]) : null;
    const token = randomBytes(32).toString('base64url');
    await server.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [u.rows[0].id, createHmac('sha256', SECRET).update(token).digest('hex')]);
    return { api: anon.as(token), userId: u.rows[0].id, memberId: m?.rows[0].id ?? null };
  }

  beforeAll(async () => {
    server = await startServer({ env: { SESSION_SECRET: SECRET } });
    anon = new Api(server.url);
    [lead, editor, memberHe, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const users = await server.db.query('SELECT id, email FROM users');
    for (const [k, email] of Object.entries(DEMO)) userIds[k] = users.rows.find((u) => u.email === email).id;
    const ws = (await lead.ok(`{ workspaces { id documents { id } criteria { id status } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    criterionId = ws.criteria.find((c: { status: string }) => c.status === 'CANDIDATE').id;
    const o = await makeMember(null, 'outsider');
    outsider = o.api;
    userIds.outsider = o.userId;
  });
  afterAll(async () => {
    if (covered.length) process.stdout.write(`audit coverage: ${covered.length} entries found\n${covered.map((c) => `  ${c.action}: ${c.entry}`).join('\n')}\n`);
    await server?.close();
  });

  it('a role change and a member removal', async () => {
    const m = await makeMember('MEMBER', 'temp');
    let since = await now();
    await lead.ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: EDITOR) { id role } }`, { m: m.memberId });
    await found('member.roleChanged', userIds.lead, m.memberId, since, { from: 'MEMBER', to: 'EDITOR', name: 'Audit temp' });
    since = await now();
    await lead.ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: m.memberId });
    await found('member.removed', userIds.lead, m.memberId, since, { role: 'EDITOR' });
  });

  it('a round opened and closed, and a decision agreed', async () => {
    const round = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`, { i: { workspaceId, title: 'Audited round', scale: 'LIKERT_9', anonymous: true, criterionIds: [criterionId] } })).createRound;
    let since = await now();
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
    await found('round.opened', userIds.editor, round.id, since, { title: 'Audited round', automatic: false });
    since = await now();
    await lead.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round.id });
    await found('round.closed', userIds.lead, round.id, since, { title: 'Audited round', automatic: false });

    const d = (await editor.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref } }`, { i: { workspaceId, title: 'Audited decision', statement: 'We decided.', rationale: 'Because.' } })).proposeDecision;
    since = await now();
    await lead.ok(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: d.id });
    await found('decision.agreed', userIds.lead, d.id, since, { ref: d.ref });
  });

  it('a version restored', async () => {
    const v = (await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Before the audit") { id } }`, { d: documentId })).createVersion;
    const since = await now();
    await lead.ok(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: v.id });
    await found('version.restored', userIds.lead, v.id, since, { name: 'Before the audit' });
  });

  it('exports: guidance and methods report files, the round results CSV, the decision log, a review triage table, a briefing pack', async () => {
    const get = async (who: Api, path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
      await res.arrayBuffer();
      return res.status;
    };
    let since = await now();
    expect(await get(memberHe, `/exports/guidance/${documentId}.docx?appendices=decisions`)).toBe(200);
    await found('guidance.exported', userIds.memberHe, documentId, since, { format: 'docx', appendices: ['decisions'] });
    since = await now();
    expect(await get(observer, `/exports/methods/${workspaceId}.md`)).toBe(200);
    await found('methodsReport.exported', userIds.observer, workspaceId, since, { format: 'md' });

    const closed = await server.db.query(`SELECT id FROM consensus_rounds WHERE workspace_id = $1 AND status = 'CLOSED' LIMIT 1`, [workspaceId]);
    since = await now();
    const csv = (await observer.ok(`query($r: ID!) { roundResultsCsv(roundId: $r) }`, { r: closed.rows[0].id })).roundResultsCsv as string;
    expect(csv.startsWith('Item,Criterion')).toBe(true);
    await found('roundResults.exported', userIds.observer, closed.rows[0].id, since, { format: 'csv' });
    since = await now();
    await editor.ok(`query($w: ID!) { decisionLogExport(workspaceId: $w, format: CSV) }`, { w: workspaceId });
    await found('decisionLog.exported', userIds.editor, workspaceId, since, { format: 'CSV' });

    const v = (await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "For review") { id } }`, { d: documentId })).createVersion;
    const review = (await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: v.id, title: 'Audited review', closesAt: new Date(Date.now() + 3_600_000).toISOString() } })).openReviewRound;
    since = await now();
    await editor.ok(`query($r: ID!) { reviewTriageExport(roundId: $r, format: MARKDOWN) }`, { r: review.id });
    await found('reviewTriage.exported', userIds.editor, review.id, since, { title: 'Audited review', format: 'MARKDOWN' });

    const meeting = (await lead.ok(`query($w: ID!) { workspace(id: $w) { meetings { id } } }`, { w: workspaceId })).workspace.meetings[0];
    since = await now();
    expect(await get(lead, `/briefings/${meeting.id}.md`)).toBe(200);
    await found('briefing.exported', userIds.lead, meeting.id, since, { format: 'MARKDOWN' });
  });

  describe('failed authorization', () => {
    it('FORBIDDEN by the policy guard: one entry per denied operation and request, without its arguments', async () => {
      const v = (await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Not for members") { id } }`, { d: documentId })).createVersion;
      const since = await now();
      expect(codeOf(await memberHe.gql(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: v.id }))).toBe('FORBIDDEN');
      const row = await found('authorization.denied', userIds.memberHe, v.id, since, { operation: 'Mutation.restoreVersion', code: 'FORBIDDEN', role: 'MEMBER' });
      expect(Object.keys(row.data).sort()).toEqual(['code', 'operation', 'role']);

      // A refused ballot's scores and rationale never reach the entry; nor does the caller's token.
      const round = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId, title: 'Observer tries to vote', scale: 'LIKERT_9', anonymous: true, criterionIds: [criterionId] } })).createRound;
      await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
      const t = await now();
      const secret = `rationale-${randomBytes(6).toString('hex')}`;
      const cast = await observer.gql(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: round.id, s: [{ itemId: round.items[0].id, rating: 7, rationale: secret }] });
      expect(codeOf(cast)).toBe('FORBIDDEN');
      const denied = await found('authorization.denied', userIds.observer, round.id, t, { operation: 'Mutation.castBallot', code: 'FORBIDDEN', role: 'OBSERVER' });
      expect(JSON.stringify(denied)).not.toContain(secret);
      expect(JSON.stringify(denied)).not.toMatch(/rating|score/i);
      expect(JSON.stringify(denied)).not.toContain(observer.token!);

      // A denied field of an object (the audit log itself, read by an observer).
      const t2 = await now();
      expect(codeOf(await observer.gql(`query($w: ID!) { workspace(id: $w) { auditLog { action } } }`, { w: workspaceId }))).toBe('FORBIDDEN');
      await found('authorization.denied', userIds.observer, null, t2, { operation: 'Workspace.auditLog', code: 'FORBIDDEN', role: 'OBSERVER' });

      // A denied field of every element of a list (an observer's own ballot in each round): the guard
      // refuses it once per round, the log gets one entry for the request, not one per round.
      const rounds = (await server.db.query(`SELECT count(*)::int AS n FROM consensus_rounds WHERE workspace_id = $1`, [workspaceId])).rows[0].n;
      expect(rounds).toBeGreaterThanOrEqual(2);
      const t3 = await now();
      const each = await observer.gql(`query($w: ID!) { workspace(id: $w) { rounds { id myBallot { itemId } } } }`, { w: workspaceId });
      expect(each.errors?.length).toBeGreaterThanOrEqual(1);
      expect(each.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      await found('authorization.denied', userIds.observer, null, t3, { operation: 'ConsensusRound.myBallot', code: 'FORBIDDEN', role: 'OBSERVER' });
    });

    it('NOT_FOUND by the policy guard: a signed-in non-member, recorded in the workspace they probed', async () => {
      const round = (await server.db.query(`SELECT id FROM consensus_rounds WHERE workspace_id = $1 LIMIT 1`, [workspaceId])).rows[0].id as string;
      const since = await now();
      expect(codeOf(await outsider.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round }))).toBe('NOT_FOUND');
      await found('authorization.denied', userIds.outsider, round, since, { operation: 'Mutation.closeRound', code: 'NOT_FOUND', role: null });
      // Signed out is not an authorization decision about anyone: no entry.
      const before = (await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'authorization.denied'`)).rows[0].n;
      expect(codeOf(await anon.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round }))).toBe('UNAUTHENTICATED');
      expect((await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'authorization.denied'`)).rows[0].n).toBe(before);
    });

    it('a refused export and refused collaboration connections (once per window, however often the client retries)', async () => {
      let since = await now();
      const res = await fetch(`${server.url}/exports/guidance/${documentId}.md`, { headers: { authorization: `Bearer ${reviewer.token}` } });
      expect(res.status).toBe(403);
      await found('authorization.denied', userIds.reviewer, documentId, since, { operation: 'GET /exports/guidance', code: 'FORBIDDEN', role: 'REVIEWER' });

      const ws = (token: string) => `${server.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`;
      since = await now();
      expect((await closeCodeOf(ws(reviewer.token!))).code).toBe(4403);
      expect((await closeCodeOf(ws(reviewer.token!))).code).toBe(4403);
      await found('authorization.denied', userIds.reviewer, documentId, since, { operation: 'ws /collab', code: 'FORBIDDEN', role: 'REVIEWER' });
      since = await now();
      expect((await closeCodeOf(ws(outsider.token!))).code).toBe(4404);
      await found('authorization.denied', userIds.outsider, documentId, since, { operation: 'ws /collab', code: 'NOT_FOUND', role: null });
    });
  });

  it('the lead reads every one of these entries in the audit log, each with its actor and a summary', async () => {
    const log = (await lead.ok(`query($w: ID!) { workspace(id: $w) { auditLog(limit: 500) { action actorName summary createdAt } } }`, { w: workspaceId })).workspace.auditLog as { action: string; actorName: string | null; summary: string }[];
    const wanted = ['member.roleChanged', 'member.removed', 'round.opened', 'round.closed', 'decision.agreed', 'version.restored', 'guidance.exported', 'methodsReport.exported', 'roundResults.exported', 'decisionLog.exported', 'reviewTriage.exported', 'briefing.exported', 'authorization.denied'];
    for (const action of wanted) {
      const e = log.find((x) => x.action === action);
      expect(e).toBeDefined();
      expect(e!.actorName).toEqual(expect.any(String));
      expect(e!.summary.length).toBeGreaterThan(0);
    }
    expect(log.filter((x) => x.action === 'authorization.denied').map((x) => x.summary)).toContain('Was refused Mutation.restoreVersion (FORBIDDEN)');
  });
});
