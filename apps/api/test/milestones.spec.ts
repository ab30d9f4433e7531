// The seeded plan with statuses computed on the server; ticking a deliverable changes its milestone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const PLAN = `query($id: ID!) { workspace(id: $id) { milestones { id title dueDate status statusReason deliverables { id title dueDate done ownerName } } meetings { title kind date agenda } } }`;

describe('milestones and meetings', () => {
  let server: TestServer;
  let lead: Api, member: Api, reviewer: Api;
  let workspaceId: string;

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, member, reviewer] = await Promise.all([anon.login(DEMO.lead), anon.login(DEMO.memberHe), anon.login(DEMO.reviewer)]);
    workspaceId = (await lead.ok(`{ workspaces { id } }`)).workspaces[0].id;
  });
  afterAll(() => server?.close());

  it('shows the February–May plan with computed statuses and the three Taskforce meetings', async () => {
    const w = (await member.ok(PLAN, { id: workspaceId })).workspace;
    expect(w.milestones.map((m: { title: string }) => m.title)).toEqual(['February: scope, literature and criteria', 'March–April: data collection and draft', 'May: final guidance']);
    // The plan is months ahead of today, with nothing done yet.
    for (const m of w.milestones) {
      expect(m.status).toBe('ON_TRACK');
      expect(m.statusReason).toMatch(/^\d+ of \d+ deliverables open, due in \d+ days$/);
    }
    expect(w.milestones[0].deliverables[0]).toMatchObject({ title: 'Scope agreed at the Taskforce meeting', done: false, ownerName: 'Priya Lead' });
    expect(w.meetings.map((m: { date: string; kind: string }) => [m.date.slice(5), m.kind])).toEqual([['02-02', 'TASKFORCE'], ['04-19', 'TASKFORCE'], ['05-31', 'TASKFORCE']]);
  });

  it('a lead ticks deliverables and the milestone becomes DONE; a member who is not the owner cannot', async () => {
    const m = (await lead.ok(PLAN, { id: workspaceId })).workspace.milestones[2];
    expect(codeOf(await member.gql(`mutation($id: ID!) { setDeliverableDone(id: $id, done: true) { done } }`, { id: m.deliverables[0].id }))).toBe('FORBIDDEN');
    for (const d of m.deliverables) await lead.ok(`mutation($id: ID!) { setDeliverableDone(id: $id, done: true) { done } }`, { id: d.id });
    const after = (await lead.ok(PLAN, { id: workspaceId })).workspace.milestones[2];
    expect(after).toMatchObject({ status: 'DONE', statusReason: 'All 2 deliverables done' });
    await lead.ok(`mutation($id: ID!) { setDeliverableDone(id: $id, done: false) { done } }`, { id: m.deliverables[0].id });
    expect((await lead.ok(PLAN, { id: workspaceId })).workspace.milestones[2].status).toBe('ON_TRACK');
  });

  it('an overdue deliverable puts its milestone at risk, and a passed due date makes it late', async () => {
    const m = (await lead.ok(PLAN, { id: workspaceId })).workspace.milestones[1];
    await server.db.query(`UPDATE deliverables SET due_on = current_date - 3 WHERE id = $1`, [m.deliverables[0].id]);
    let now = (await lead.ok(PLAN, { id: workspaceId })).workspace.milestones[1];
    expect(now.status).toBe('AT_RISK');
    expect(now.statusReason).toMatch(/^“Data collection from the models finalised” is \d+ days? overdue/);
    await server.db.query(`UPDATE milestones SET due_on = current_date - 1 WHERE id = $1`, [m.id]);
    now = (await lead.ok(PLAN, { id: workspaceId })).workspace.milestones.find((x: { id: string }) => x.id === m.id);
    expect(now.status).toBe('LATE');
  });

  it('reviewers do not see the plan', async () => {
    expect(codeOf(await reviewer.gql(PLAN, { id: workspaceId }))).toBe('FORBIDDEN');
  });
});
