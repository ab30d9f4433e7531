// The collaboration endpoint's access matrix: document × principal × {connect, sync, update, awareness},
// each cell's expected outcome derived from the one policy (document.read / document.write) and the
// principal's actual role, against the real server and PostgreSQL. Writes are counted where they land:
// the stored state (snapshot + log), a fresh load through ws /collab, and a watching stock client.
// Then access that ends while connected: removal, demotion to a read-only or no-read role, and a
// review round's reviewer, with frames raced after the change by a client that ignores the close.
import { Role } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { can } from '../../src/common/policy';
import { Client, connectClient, eventually } from '../support/collab';
import { Api, DEMO } from '../support/graphql';
import { startServer, TestServer } from '../support/server';
import { hostileSocket } from './support/collab-hostile';
import { collabUrl, fragmentText, freshLoad, sleep, step1Frame, storedState, updateFrame } from './support/collab-peer';

type Action = 'connect' | 'sync' | 'update' | 'awareness';
const ACTIONS: Action[] = ['connect', 'sync', 'update', 'awareness'];

interface Principal {
  name: string;
  /** Email of the account, when the credentials are valid. */
  email?: string;
  token?: string;
  headers?: Record<string, string>;
}

interface Target {
  name: string;
  id: string;
  /** The workspace holding it; null when the id names no document (a version, an unknown id). */
  workspaceId: string | null;
}

type Expected = { open: false; code: number } | { open: true; writable: boolean };

interface CellResult {
  doc: string;
  principal: string;
  action: Action;
  expected: Expected;
  closeCode: number | null;
  /** Messages received before the close (refused cells) or at all. */
  received: number;
  markers: string[];
  awarenessName?: string;
}

const MARK = /MARK\[[^\]]+\]/g;
const markersIn = (doc: Y.Doc) => new Set(fragmentText(doc).match(MARK) ?? []);

/** An insert into the empty fragment of a fresh doc: it depends on nothing, so it integrates wherever it lands. */
function markerUpdate(marker: string): Uint8Array {
  const d = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(marker)]);
  d.getXmlFragment('default').insert(0, [p]);
  const u = Y.encodeStateAsUpdate(d);
  d.destroy();
  return u;
}

function awarenessFrame(name: string): Uint8Array {
  const d = new Y.Doc();
  const a = new awarenessProtocol.Awareness(d);
  a.setLocalState({ user: { name } });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(a, [d.clientID]));
  a.destroy();
  d.destroy();
  return encoding.toUint8Array(e);
}

function messageKind(bytes: Uint8Array): [number, number] {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  return [type, type === 0 ? decoding.readVarUint(d) : -1];
}

describe('ws /collab access matrix', () => {
  let server: TestServer;
  let anon: Api;
  const tokens = {} as Record<keyof typeof DEMO, string>;
  let demoWs: string;
  let otherWs: string;
  let draftId: string;
  let roundId: string;
  let versionId: string;
  let outsiderToken: string;
  const targets: Target[] = [];
  const principals: Principal[] = [];
  /** Role of an account (by email) in a workspace, read from the server, not assumed. */
  const roles = new Map<string, Map<string, Role>>();
  const watchers = new Map<string, Client>();
  /** Every awareness name the watchers have ever seen, per document. */
  const seenNames = new Map<string, Set<string>>();
  const results: CellResult[] = [];
  const clients: Client[] = [];

  const lead = () => anon.as(tokens.lead);

  async function join(workspaceId: string, email: string, role: Role, inviter = lead()): Promise<{ token: string; memberId: string }> {
    const invite = await inviter.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId, email, role, organisation: 'Test', sector: 'HE' } });
    const joined = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, {
      i: { token: invite.inviteMember.link.split('/invite/')[1], name: email.split('@')[0], password: 'a-long-password-1' },
    });
    const members = await inviter.ok(`query($w: ID!) { workspace(id: $w) { members { id user { email } } } }`, { w: workspaceId });
    const memberId = members.workspace.members.find((m: { user: { email: string } }) => m.user.email === email).id as string;
    return { token: joined.acceptInvitation.token as string, memberId };
  }

  async function readRoles(workspaceId: string) {
    const r = await lead().ok(`query($w: ID!) { workspace(id: $w) { members { role user { email } } } }`, { w: workspaceId });
    roles.set(workspaceId, new Map(r.workspace.members.map((m: { role: Role; user: { email: string } }) => [m.user.email, m.role])));
  }

  function expected(target: Target, p: Principal): Expected {
    if (!p.email) return { open: false, code: 4401 };
    if (!target.workspaceId) return { open: false, code: 4404 };
    const role = roles.get(target.workspaceId)?.get(p.email) ?? null;
    if (!role) return { open: false, code: 4404 }; // a non-member cannot tell it from a missing document
    if (!can(role, 'document.read')) return { open: false, code: 4403 };
    return { open: true, writable: can(role, 'document.write') };
  }

  beforeAll(async () => {
    server = await startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: '200', COLLAB_IDLE_UNLOAD_MS: '60000' } });
    anon = new Api(server.url);
    for (const [k, email] of Object.entries(DEMO)) tokens[k as keyof typeof DEMO] = (await anon.login(email)).token!;
    const ws = await lead().ok(`{ workspaces { id documents { id } } }`);
    demoWs = ws.workspaces[0].id;
    draftId = ws.workspaces[0].documents[0].id;
    const second = await anon.as(tokens.editor).ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: demoWs, title: 'Second document' } });
    otherWs = (await lead().ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "Elsewhere Uni", sector: HE }) { id } }`)).createWorkspace.id;
    const foreign = await lead().ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId: otherWs, title: 'Elsewhere’s draft' } });
    outsiderToken = (await join(otherWs, 'outsider@example.org', Role.EDITOR)).token;

    // The demo reviewer invited to a live review round on a version of the draft.
    versionId = (await anon.as(tokens.editor).ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "For review") { id } }`, { d: draftId })).createVersion.id;
    roundId = (
      await anon.as(tokens.editor).ok(`mutation($i: OpenReviewRoundInput!) { openReviewRound(input: $i) { id } }`, {
        i: { versionId, title: 'Matrix review', closesAt: new Date(Date.now() + 3_600_000).toISOString() },
      })
    ).openReviewRound.id;
    await anon.as(tokens.editor).ok(`mutation($i: InviteReviewerInput!) { inviteReviewer(input: $i) { link } }`, { i: { roundId, email: DEMO.reviewer, organisation: 'AoC', sector: 'OTHER' } });

    await readRoles(demoWs);
    await readRoles(otherWs);

    targets.push(
      { name: 'draft', id: draftId, workspaceId: demoWs },
      { name: 'second', id: second.createDocument.id, workspaceId: demoWs },
      { name: 'foreign', id: foreign.createDocument.id, workspaceId: otherWs },
      { name: 'review-version', id: versionId, workspaceId: null },
      { name: 'unknown', id: '00000000-0000-4000-8000-000000000000', workspaceId: null },
    );

    // Credentials that no longer (or never did) work.
    const signedOut = (await anon.login(DEMO.editor)).token!;
    await anon.as(signedOut).ok(`mutation { logout }`);
    const expired = (await anon.login(DEMO.editor)).token!;
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1)`, [DEMO.editor]);
    expect((await anon.as(expired).ok(`{ me { id } }`)).me).toBeNull();
    expect((await anon.as(signedOut).ok(`{ me { id } }`)).me).toBeNull();
    const host = new URL(server.url).host;

    principals.push(
      { name: 'lead', email: DEMO.lead, token: tokens.lead },
      { name: 'editor', email: DEMO.editor, token: tokens.editor },
      { name: 'member-he', email: DEMO.memberHe, token: tokens.memberHe },
      { name: 'member-nhs', email: DEMO.memberNhs, token: tokens.memberNhs },
      { name: 'reviewer', email: DEMO.reviewer, token: tokens.reviewer },
      { name: 'observer', email: DEMO.observer, token: tokens.observer },
      { name: 'non-member', email: 'outsider@example.org', token: outsiderToken },
      { name: 'cookie-own-origin', email: DEMO.lead, headers: { cookie: `concord_session=${tokens.lead}`, origin: `http://${host}` } },
      { name: 'cookie-foreign-origin', headers: { cookie: `concord_session=${tokens.lead}`, origin: 'https://evil.example' } },
      { name: 'no-credentials' },
      { name: 'forged-token', token: 'forged-token-value' },
      { name: 'signed-out', token: signedOut },
      { name: 'expired-session', token: expired, headers: { cookie: `concord_session=${expired}` } },
    );

    for (const t of targets.filter((t) => t.workspaceId)) {
      const c = await connectClient(server.url, t.id, tokens.lead);
      clients.push(c);
      watchers.set(t.name, c);
      const seen = new Set<string>();
      seenNames.set(t.name, seen);
      c.provider.awareness.on('change', () => {
        for (const s of c.provider.awareness.getStates().values()) if (typeof s?.user?.name === 'string') seen.add(s.user.name);
      });
    }
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  async function runCell(target: Target, p: Principal, action: Action): Promise<CellResult> {
    const exp = expected(target, p);
    const id = `${target.name}|${p.name}|${action}`;
    const socket = new WebSocket(collabUrl(server.url, target.id, p.token), { headers: p.headers ?? {} });
    const messages: Uint8Array[] = [];
    let closeCode: number | null = null;
    const closed = new Promise<number>((r) => socket.on('close', (code) => r((closeCode = code))));
    socket.on('message', (d: Buffer) => messages.push(new Uint8Array(d)));
    await new Promise<void>((res, rej) => {
      socket.once('open', () => res());
      socket.once('error', rej);
    });
    const result: CellResult = { doc: target.name, principal: p.name, action, expected: exp, closeCode: null, received: 0, markers: [] };
    // Sent at once, inside the authentication window: the server must hold them until it has decided.
    const empty = new Y.Doc();
    if (action === 'sync') socket.send(step1Frame(empty));
    if (action === 'update') {
      result.markers.push(`MARK[${id}|pre]`);
      socket.send(updateFrame(markerUpdate(`MARK[${id}|pre]`)));
    }
    if (action === 'awareness') {
      result.awarenessName = `AW[${id}]`;
      socket.send(awarenessFrame(result.awarenessName));
    }
    empty.destroy();

    if (!exp.open) {
      // Whatever it sends, a refused socket is closed and hears nothing first.
      if (action === 'update') {
        result.markers.push(`MARK[${id}|post]`);
        socket.send(updateFrame(markerUpdate(`MARK[${id}|post]`), 2));
      }
      await Promise.race([closed, sleep(5000)]);
      result.closeCode = closeCode;
      result.received = messages.length;
      if (closeCode === null) socket.terminate();
      return result;
    }

    await eventually(() => messages.length > 0 || closeCode !== null, `${id}: the server's greeting`, 5000);
    if (action === 'connect') expect(messageKind(messages[0])).toEqual([0, 0]); // sync step 1, nothing else first
    if (action === 'sync') {
      await eventually(() => messages.some((m) => messageKind(m)[0] === 0 && messageKind(m)[1] === 1) || closeCode !== null, `${id}: sync step 2`, 5000);
      const step2 = messages.find((m) => messageKind(m)[0] === 0 && messageKind(m)[1] === 1);
      const d = decoding.createDecoder(step2!);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, decoding.readVarUint8Array(d));
      // It was sent the whole document: nothing the server holds now is missing but what was written since.
      const fresh = await freshLoad(server.url, target.id, tokens.lead);
      const now = Y.decodeStateVector(Y.encodeStateVector(fresh));
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(loaded))) expect(clock).toBeLessThanOrEqual(now.get(client) ?? -1);
      if (target.name === 'draft') expect(fragmentText(loaded)).toContain('paragraph');
      fresh.destroy();
      loaded.destroy();
    }
    if (action === 'update') {
      // After the greeting: as an update, and as a sync step 2.
      result.markers.push(`MARK[${id}|post]`, `MARK[${id}|step2]`);
      socket.send(updateFrame(markerUpdate(`MARK[${id}|post]`)));
      socket.send(updateFrame(markerUpdate(`MARK[${id}|step2]`), 1));
      // A round trip after them: the server has read them once it answers.
      const before = messages.length;
      socket.send(step1Frame(new Y.Doc()));
      await eventually(() => messages.slice(before).some((m) => messageKind(m)[1] === 1) || closeCode !== null, `${id}: round trip`, 5000);
    }
    if (action === 'awareness') {
      const seen = seenNames.get(target.name)!;
      await eventually(() => seen.has(result.awarenessName!) || closeCode !== null, `${id}: presence to reach the watcher`, 5000);
    }
    result.closeCode = closeCode;
    result.received = messages.length;
    socket.close();
    await closed;
    return result;
  }

  it('gives every cell the policy’s outcome: refusals before any data, and no write from a read-only or refused principal', async () => {
    const t0 = Date.now();
    for (const target of targets) for (const p of principals) for (const action of ACTIONS) results.push(await runCell(target, p, action));

    const cells = results.length;
    expect(cells).toBe(targets.length * principals.length * ACTIONS.length);
    // Every principal/document pair the policy opens must be exercised, and some refused, or the matrix proves little.
    const kinds = new Set(results.map((r) => (r.expected.open ? (r.expected.writable ? 'write' : 'read') : `refuse-${r.expected.code}`)));
    expect([...kinds].sort()).toEqual(['read', 'refuse-4401', 'refuse-4403', 'refuse-4404', 'write']);

    const refusedWrong = results.filter((r) => !r.expected.open && (r.closeCode !== r.expected.code || r.received !== 0));
    expect(refusedWrong.map((r) => `${r.doc}|${r.principal}|${r.action}: closed ${r.closeCode} after ${r.received} messages`)).toEqual([]);
    const openWrong = results.filter((r) => r.expected.open && r.closeCode !== null);
    expect(openWrong.map((r) => `${r.doc}|${r.principal}|${r.action}: closed ${r.closeCode}`)).toEqual([]);

    // Writes: where they land, per document.
    const shouldLand = new Set(results.filter((r) => r.expected.open && r.expected.writable).flatMap((r) => r.markers));
    const mustNot = new Set(results.filter((r) => !(r.expected.open && r.expected.writable)).flatMap((r) => r.markers));
    expect(shouldLand.size).toBeGreaterThan(0);
    expect(mustNot.size).toBeGreaterThan(0);
    let readOnlyWrites = 0;
    let refusedWrites = 0;
    for (const target of targets.filter((t) => t.workspaceId)) {
      const mine = (set: Set<string>) => [...set].filter((m) => m.startsWith(`MARK[${target.name}|`)).sort();
      const watcher = watchers.get(target.name)!;
      await eventually(() => mine(shouldLand).every((m) => fragmentText(watcher.doc).includes(m)), `${target.name}: every allowed write to reach the watcher`);
      await sleep(200);
      const stored = await storedState(server.db, target.id);
      const fresh = await freshLoad(server.url, target.id, tokens.lead);
      for (const [where, doc] of [['stored', stored], ['fresh load', fresh], ['watcher', watcher.doc]] as const) {
        const present = markersIn(doc);
        const wrong = mine(mustNot).filter((m) => present.has(m));
        for (const m of wrong) {
          const r = results.find((x) => x.markers.includes(m))!;
          if (r.expected.open) readOnlyWrites++;
          else refusedWrites++;
        }
        expect({ where, doc: target.name, missing: mine(shouldLand).filter((m) => !present.has(m)), applied: wrong }).toEqual({ where, doc: target.name, missing: [], applied: [] });
      }
      expect(fragmentText(stored)).toBe(fragmentText(fresh));
      stored.destroy();
      fresh.destroy();
    }

    // Presence: relayed for those who may read, never for anyone refused.
    for (const r of results.filter((x) => x.action === 'awareness')) {
      const seen = seenNames.get(r.doc)?.has(r.awarenessName!) ?? false;
      expect({ cell: `${r.doc}|${r.principal}`, relayed: seen }).toEqual({ cell: `${r.doc}|${r.principal}`, relayed: r.expected.open });
    }

    const writable = results.filter((r) => r.action === 'update' && r.expected.open && r.expected.writable).length;
    const readOnly = results.filter((r) => r.action === 'update' && r.expected.open && !r.expected.writable).length;
    const refused = results.filter((r) => !r.expected.open).length;
    process.stdout.write(
      `collab matrix: ${cells} cells (${targets.length} documents × ${principals.length} principals × ${ACTIONS.length} actions) in ${Date.now() - t0} ms; ` +
        `${refused} refused before any data; update cells: ${writable} writable (${shouldLand.size} writes landed), ${readOnly} read-only; ` +
        `writes applied from read-only roles: ${readOnlyWrites}, from refused principals: ${refusedWrites}\n`,
    );
    expect(readOnlyWrites).toBe(0);
    expect(refusedWrites).toBe(0);
  });

  describe('access that ends while connected', () => {
    /**
     * Connects `token` to the draft with a client that ignores close frames, waits for the greeting,
     * then sends a fresh marker every 2 ms while `change` runs and for `afterMs` after it returns.
     */
    async function race(label: string, token: string, change: () => Promise<unknown>, afterMs = 600) {
      const h = await hostileSocket(collabUrl(server.url, draftId, token));
      await eventually(() => h.received.length > 0 || h.closeCode !== null, `${label}: greeting`, 5000);
      expect(h.closeCode).toBeNull();
      let phase: 'before' | 'during' | 'after' = 'before';
      const sent: Record<'before' | 'during' | 'after', string[]> = { before: [], during: [], after: [] };
      let n = 0;
      let pumping = true;
      const pump = (async () => {
        while (pumping) {
          const m = `MARK[${label}|${phase}|${n++}]`;
          if (!h.send(updateFrame(markerUpdate(m)))) break;
          sent[phase].push(m);
          await sleep(2);
        }
      })();
      await sleep(100);
      phase = 'during';
      const t0 = Date.now();
      let closeMs: number | null = null;
      void h.closeFrame.then(() => (closeMs = Date.now() - t0));
      await change();
      phase = 'after';
      await sleep(afterMs);
      pumping = false;
      await pump;
      await sleep(300);
      const stored = await storedState(server.db, draftId);
      const fresh = await freshLoad(server.url, draftId, tokens.lead);
      const inStored = markersIn(stored);
      const inFresh = markersIn(fresh);
      const appliedAfter = sent.after.filter((m) => inStored.has(m) || inFresh.has(m));
      const appliedBefore = sent.before.filter((m) => inStored.has(m) && inFresh.has(m));
      const aliveAtEnd = h.alive() && h.closeCode === null;
      stored.destroy();
      fresh.destroy();
      h.destroy();
      process.stdout.write(
        `collab cut-off (${label}): close code ${h.closeCode}, frames sent before/during/after the change: ${sent.before.length}/${sent.during.length}/${sent.after.length}, applied after: ${appliedAfter.length}\n`,
      );
      return { h, sent, appliedAfter, appliedBefore, aliveAtEnd, closeMs: closeMs as number | null };
    }

    it('a member removed while connected is cut off at once; none of the frames sent after the removal is applied', async () => {
      const temp = await join(demoWs, 'removed.editor@example.org', Role.EDITOR);
      const r = await race('removed', temp.token, async () => {
        await lead().ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: temp.memberId });
      });
      expect(r.h.closeCode).toBe(4403);
      expect(r.closeMs).toBeLessThan(2000);
      expect(r.appliedBefore.length).toBeGreaterThan(0); // the racer did write while it was allowed to
      expect(r.sent.after.length).toBeGreaterThan(50); // and kept sending after its removal
      expect(r.appliedAfter).toEqual([]);
      // It cannot come back.
      const again = await hostileSocket(collabUrl(server.url, draftId, temp.token));
      expect(await again.closeFrame).toBe(4404);
      expect(again.received).toHaveLength(0);
      again.destroy();
    });

    it('a member made a reviewer while connected is cut off (reviewers may not read drafts); later frames are not applied', async () => {
      const temp = await join(demoWs, 'demoted.reviewer@example.org', Role.MEMBER);
      const r = await race('to-reviewer', temp.token, () => lead().ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: REVIEWER) { role } }`, { m: temp.memberId }));
      expect(r.h.closeCode).toBe(4403);
      expect(r.closeMs).toBeLessThan(2000);
      expect(r.appliedBefore.length).toBeGreaterThan(0);
      expect(r.sent.after.length).toBeGreaterThan(50);
      expect(r.appliedAfter).toEqual([]);
    });

    it('a member made an observer while connected stays connected read-only; later frames are not applied', async () => {
      const temp = await join(demoWs, 'demoted.observer@example.org', Role.EDITOR);
      const r = await race('to-observer', temp.token, () => lead().ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: OBSERVER) { role } }`, { m: temp.memberId }));
      expect(r.h.closeCode).toBeNull();
      expect(r.aliveAtEnd).toBe(true);
      expect(r.appliedBefore.length).toBeGreaterThan(0);
      expect(r.sent.after.length).toBeGreaterThan(50);
      expect(r.appliedAfter).toEqual([]);
    });

    it('a reviewer in a live round has no collaboration access to the draft or the shared version, before or after the round closes', async () => {
      const reviewer = anon.as(tokens.reviewer);
      const live = await reviewer.ok(`query($id: ID!) { reviewRound(id: $id) { id status } }`, { id: roundId });
      expect(live.reviewRound).toEqual({ id: roundId, status: 'OPEN' }); // the round is theirs and open
      const attempt = async (docId: string) => {
        const h = await hostileSocket(collabUrl(server.url, docId, tokens.reviewer));
        const markers = [`MARK[reviewer-${docId}|${Date.now()}]`];
        h.send(updateFrame(markerUpdate(markers[0])));
        const code = await h.closeFrame;
        await sleep(20);
        const received = h.received.length;
        h.destroy();
        return { code, received, markers };
      };
      const during = [await attempt(draftId), await attempt(versionId)];
      expect(during.map(({ code, received }) => ({ code, received }))).toEqual([
        { code: 4403, received: 0 },
        { code: 4404, received: 0 },
      ]);
      await anon.as(tokens.editor).ok(`mutation($id: ID!) { closeReviewRound(id: $id) { status } }`, { id: roundId });
      expect((await reviewer.ok(`query($id: ID!) { reviewRound(id: $id) { id } }`, { id: roundId })).reviewRound).toBeNull();
      const after = [await attempt(draftId), await attempt(versionId)];
      expect(after.map(({ code, received }) => ({ code, received }))).toEqual([
        { code: 4403, received: 0 },
        { code: 4404, received: 0 },
      ]);
      const stored = markersIn(await storedState(server.db, draftId));
      expect([...during, ...after].flatMap((a) => a.markers).filter((m) => stored.has(m))).toEqual([]);
    });
  });
});
