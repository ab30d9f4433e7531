// The decision log: numbering under concurrency, agreement, immutability and supersede chains.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const PROPOSE = `mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref status } }`;

describe('the decision log', () => {
  let server: TestServer;
  let lead: Api, editor: Api, member: Api;
  let workspaceId: string;
  let otherMilestone: string;

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, member] = await Promise.all([anon.login(DEMO.lead), anon.login(DEMO.editor), anon.login(DEMO.memberHe)]);
    workspaceId = (await lead.ok(`{ workspaces { id } }`)).workspaces[0].id;
    const other = await editor.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "UUK", sector: SECTOR_BODY }) { id } }`);
    otherMilestone = (await server.db.query(`INSERT INTO milestones (workspace_id, title, starts_on, due_on) VALUES ($1, 'Theirs', '2027-01-01', '2027-02-01') RETURNING id`, [other.createWorkspace.id])).rows[0].id;
  });
  afterAll(() => server?.close());

  const input = (n: number, extra: Record<string, unknown> = {}) => ({ i: { workspaceId, title: `Decision ${n}`, statement: `We decided ${n}.`, rationale: 'Because.', ...extra } });

  it('50 concurrent proposals are numbered D-001 to D-050 exactly', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => editor.gql(PROPOSE, input(n))));
    expect(results.every((r) => !r.errors)).toBe(true);
    const refs = results.map((r) => r.data!.proposeDecision.ref).sort();
    expect(refs).toEqual(Array.from({ length: 50 }, (_, n) => `D-${String(n + 1).padStart(3, '0')}`));
  });

  it('refuses a decision without a statement, or linked to another workspace, writing nothing; members cannot propose', async () => {
    const before = (await server.db.query('SELECT count(*)::int AS n FROM decisions')).rows[0].n;
    const empty = await editor.gql(PROPOSE, input(99, { statement: '  ' }));
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.statement' });
    const foreign = await editor.gql(PROPOSE, input(99, { milestoneId: otherMilestone }));
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.milestoneId' });
    expect(codeOf(await member.gql(PROPOSE, input(99)))).toBe('FORBIDDEN');
    expect((await server.db.query('SELECT count(*)::int AS n FROM decisions')).rows[0].n).toBe(before);
  });

  it('a lead agrees a decision once; superseding agrees a new one and retires the old, which cannot be agreed again', async () => {
    const d = (await editor.ok(PROPOSE, input(100))).proposeDecision;
    expect(codeOf(await editor.gql(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: d.id }))).toBe('FORBIDDEN');
    expect((await lead.ok(`mutation($id: ID!) { agreeDecision(id: $id) { status agreedAt } }`, { id: d.id })).agreeDecision.status).toBe('AGREED');
    expect(codeOf(await lead.gql(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: d.id }))).toBe('CONFLICT');
    const next = await lead.ok(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { id ref status supersedesId } }`, { id: d.id, ...input(101) });
    expect(next.supersedeDecision).toMatchObject({ ref: 'D-052', status: 'AGREED', supersedesId: d.id });
    const log = await member.ok(`query($w: ID!) { workspace(id: $w) { decisions { id ref status } } }`, { w: workspaceId });
    expect(log.workspace.decisions.find((x: { id: string }) => x.id === d.id)).toMatchObject({ ref: 'D-051', status: 'SUPERSEDED' });
    expect(codeOf(await lead.gql(`mutation($id: ID!) { agreeDecision(id: $id) { status } }`, { id: d.id }))).toBe('CONFLICT');
    expect(codeOf(await lead.gql(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { id } }`, { id: d.id, ...input(102) }))).toBe('CONFLICT');
    // Chains: the replacement can itself be superseded.
    const third = await lead.ok(`mutation($id: ID!, $i: ProposeDecisionInput!) { supersedeDecision(id: $id, input: $i) { ref supersedesId } }`, { id: next.supersedeDecision.id, ...input(103) });
    expect(third.supersedeDecision).toEqual({ ref: 'D-053', supersedesId: next.supersedeDecision.id });
  });
});
