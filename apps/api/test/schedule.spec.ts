// Rounds open and close at their set times, and review rounds close at theirs, without anyone asking.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

describe('scheduled opening and closing', () => {
  let server: TestServer;
  let editor: Api;
  let member: Api;
  let workspaceId: string;
  let criterionIds: string[];
  let documentId: string;

  beforeAll(async () => {
    server = await startServer({ env: { SCHEDULE_INTERVAL_MS: '200' } });
    const anon = new Api(server.url);
    [editor, member] = await Promise.all([anon.login(DEMO.editor), anon.login(DEMO.memberHe)]);
    const ws = await editor.ok(`{ workspaces { id criteria { id } documents { id } } }`);
    workspaceId = ws.workspaces[0].id;
    criterionIds = ws.workspaces[0].criteria.map((c: { id: string }) => c.id).slice(0, 2);
    documentId = ws.workspaces[0].documents[0].id;
  });
  afterAll(() => server?.close());

  it('a round opens at its opening time and closes at its closing time, drafting its decisions', async () => {
    const now = Date.now();
    const created = await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, {
      i: { workspaceId, title: 'Timed round', scale: 'LIKERT_9', anonymous: true, criterionIds, opensAt: new Date(now + 1000).toISOString(), closesAt: new Date(now + 4000).toISOString() },
    });
    const id = created.createRound.id;
    const status = async () => (await editor.ok(`query($id: ID!) { round(id: $id) { status } }`, { id })).round.status as string;
    expect(await status()).toBe('DRAFT');
    const deadline = Date.now() + 3500;
    while ((await status()) !== 'OPEN' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toBe('OPEN');
    for (const who of [editor, member]) {
      await who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: id, s: created.createRound.items.map((x: { id: string }) => ({ itemId: x.id, rating: 9 })) });
    }
    let closed = false;
    const end = Date.now() + 8000;
    while (!closed && Date.now() < end) {
      closed = (await status()) === 'CLOSED';
      if (!closed) await new Promise((r) => setTimeout(r, 150));
    }
    expect(closed).toBe(true);
    const audit = await server.db.query(`SELECT action, data->>'automatic' AS automatic FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [id]);
    expect(audit.rows).toEqual([{ action: 'round.opened', automatic: 'true' }, { action: 'round.closed', automatic: 'true' }]);
    const decisions = await server.db.query(`SELECT count(*)::int AS n FROM decisions WHERE round_item_id = ANY($1::uuid[])`, [created.createRound.items.map((x: { id: string }) => x.id)]);
    expect(decisions.rows[0].n).toBe(2);
  });

  it('a review round past its closing time is closed and carried by the server', async () => {
    const v = await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Timed review") { id } }`, { d: documentId });
    const r = await editor.ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, { i: { versionId: v.createVersion.id, title: 'Timed', closesAt: new Date(Date.now() + 800).toISOString() } });
    const end = Date.now() + 8000;
    let status = 'OPEN';
    while (status !== 'CLOSED' && Date.now() < end) {
      status = (await editor.ok(`query($id: ID!) { reviewRound(id: $id) { status } }`, { id: r.openReviewRound.id })).reviewRound.status;
      if (status !== 'CLOSED') await new Promise((res) => setTimeout(res, 150));
    }
    expect(status).toBe('CLOSED');
  });
});
