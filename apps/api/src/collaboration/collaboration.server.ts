// ws /collab/{documentId}: authenticates the upgrade, decides read or write from the one policy,
// and hands each connection to its document's room. Knows connections and the protocol; storage is
// the documents module's content service.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CollabCloseCode, Role, SESSION_COOKIE } from '@concord/shared';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger';
import { cookieOriginAllowed, cookieValue } from '../common/origin';
import { can } from '../common/policy';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { AuditService } from '../modules/audit/audit.service';
import { AuthService } from '../modules/auth/auth.service';
import { DocumentContentService } from '../modules/documents/document-content.service';
import { MembershipEvents } from '../modules/workspaces/membership.events';
import { CLOSE_ACCESS_CHANGED, CLOSE_INTERNAL, CLOSE_INVALID, Connection, DocRoom } from './doc-room';
import { UUID } from '../common/cursor';

const CLOSE_TOO_MANY = CollabCloseCode.TOO_MANY_CONNECTIONS;
const CLOSE_GOING_AWAY = 1001;

/** A refusal names who was refused when the refusal is an authorization decision (audited). */
type Decision = { code: number; reason: string; denied?: { userId: string; workspaceId: string; documentId: string; role: Role | null } } | { userId: string; workspaceId: string; documentId: string; writable: boolean };
/** A refused reconnecting client is audited once per this long (per account, document and code), not per attempt. */
const DENIAL_AUDIT_WINDOW_MS = 60_000;

@Injectable()
export class CollaborationServer implements OnModuleDestroy {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, DocRoom>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly perUser = new Map<string, number>();
  private readonly auditedDenials = new Map<string, number>();
  private readonly subscription: Subscription;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly content: DocumentContentService,
    events: MembershipEvents,
    private readonly audit: AuditService,
  ) {
    // ws closes a socket whose frame exceeds maxPayload with 1009 before the frame is buffered whole.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.collab.maxMessageBytes, perMessageDeflate: false });
    this.subscription = events.changes.subscribe((c) => this.onMembershipChange(c.workspaceId, c.userId, c.role));
    content.attachLive({
      state: (id) => this.withRoom(id, async (room) => Y.encodeStateAsUpdate(room.loadedDoc)),
      change: (id, fn) => this.withRoom(id, (room) => room.serverChange(fn)),
      read: (id, fn) => this.withRoom(id, async (room) => fn(room.loadedDoc)),
    });
  }

  /** Runs `fn` on the document's room, loading it if needed and letting it unload again when idle. */
  private async withRoom<T>(documentId: string, fn: (room: DocRoom) => Promise<T>): Promise<T> {
    const workspaceId = await this.content.workspaceOf(documentId);
    if (!workspaceId) throw new Error(`no document ${documentId}`);
    const room = await this.roomFor(documentId, workspaceId);
    this.cancelUnload(documentId);
    try {
      await room.ready;
      return await fn(room);
    } catch (e) {
      if (room.connections.size === 0) this.dropRoom(room);
      throw e;
    } finally {
      if (room.connections.size === 0 && !room.destroyed) this.scheduleUnload(room);
    }
  }

  attach(server: Server) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith('/collab/')) return; // another endpoint's upgrade (GraphQL subscriptions)
      if (this.closing) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, req));
    });
  }

  /** Loaded rooms, for tests and benchmarks: document id → connection count. */
  stats() {
    return { rooms: this.rooms.size, connections: [...this.rooms.values()].reduce((n, r) => n + r.connections.size, 0) };
  }

  private async accept(ws: WebSocket, req: IncomingMessage) {
    const queue: Uint8Array[] = [];
    let conn: Connection | null = null;
    let room: DocRoom | null = null;
    let counted: string | null = null;
    ws.on('error', (e) => this.logger.debug({ err: String(e) }, 'collab socket error'));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // ws still emits frames that arrive after we have closed (until the peer's close frame, or its 30 s
      // timeout): a socket closed for lost access or a bad frame must not get any more of them applied.
      if (ws.readyState !== WebSocket.OPEN) return;
      if (!isBinary) return ws.close(CLOSE_INVALID, 'binary frames only');
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!conn || !room) return void queue.push(bytes);
      this.deliver(room, conn, bytes);
    });
    ws.on('close', () => {
      if (counted) this.perUser.set(counted, (this.perUser.get(counted) ?? 1) - 1);
      if (room && conn) {
        room.leave(conn);
        if (room.connections.size === 0) this.scheduleUnload(room);
      }
    });

    const deadline = setTimeout(() => ws.close(CollabCloseCode.UNAUTHENTICATED, 'authentication timed out'), this.config.collab.authDeadlineMs);
    let decision: Decision;
    try {
      decision = await this.authorize(req);
    } catch (e) {
      this.logger.error({ err: String(e) }, 'collab authorization failed');
      decision = { code: CLOSE_INTERNAL, reason: 'try again' };
    } finally {
      clearTimeout(deadline);
    }
    if ('code' in decision && decision.denied) await this.auditDenial(decision.code, decision.denied);
    if (ws.readyState !== WebSocket.OPEN) return;
    if ('code' in decision) return ws.close(decision.code, decision.reason);

    const used = this.perUser.get(decision.userId) ?? 0;
    if (used >= this.config.collab.maxConnectionsPerUser) return ws.close(CLOSE_TOO_MANY, 'too many connections for this account');
    this.perUser.set(decision.userId, used + 1);
    counted = decision.userId;

    const target = await this.roomFor(decision.documentId, decision.workspaceId);
    if (target.connections.size >= this.config.collab.maxConnectionsPerDocument) return ws.close(CLOSE_TOO_MANY, 'too many connections to this document');
    try {
      await target.ready;
    } catch (e) {
      this.logger.error({ documentId: decision.documentId, err: String(e) }, 'could not load document');
      this.dropRoom(target);
      return ws.close(CLOSE_INTERNAL, 'could not load the document');
    }
    if (ws.readyState !== WebSocket.OPEN) {
      if (target.connections.size === 0) this.scheduleUnload(target);
      return;
    }
    this.cancelUnload(target.documentId);
    conn = { socket: ws, userId: decision.userId, writable: decision.writable, clientIds: new Set() };
    room = target;
    room.open(conn);
    for (const bytes of queue.splice(0)) this.deliver(room, conn, bytes);
  }

  private deliver(room: DocRoom, conn: Connection, bytes: Uint8Array) {
    try {
      room.receive(conn, bytes);
    } catch (e) {
      this.logger.info({ documentId: room.documentId, err: String(e) }, 'malformed collaboration message; closing that socket');
      conn.socket.close(CLOSE_INVALID, 'malformed message');
    }
  }

  /** Cookie (same origin only) or `token` query parameter → membership → the policy's read/write. */
  private async authorize(req: IncomingMessage): Promise<Decision> {
    const url = new URL(req.url ?? '/', 'http://collab.invalid');
    const documentId = decodeURIComponent(url.pathname.slice('/collab/'.length));
    let token = url.searchParams.get('token');
    if (!token) {
      const cookie = cookieValue(req.headers.cookie, SESSION_COOKIE);
      // A cookie rides along with any page's WebSocket: accept it only from our own origin.
      if (cookie && cookieOriginAllowed(req, this.config)) token = cookie;
    }
    const viewer = await this.auth.viewerFromToken(token ?? null);
    if (!viewer) return { code: CollabCloseCode.UNAUTHENTICATED, reason: 'sign in to continue' };
    if (!UUID.test(documentId)) return { code: CollabCloseCode.NOT_FOUND, reason: 'no such document' };
    const workspaceId = await this.content.workspaceOf(documentId);
    if (!workspaceId) return { code: CollabCloseCode.NOT_FOUND, reason: 'no such document' };
    const role = await this.roleOf(workspaceId, viewer.userId);
    // A non-member cannot tell a document they may not see from one that does not exist.
    const denied = { userId: viewer.userId, workspaceId, documentId, role };
    if (!role) return { code: CollabCloseCode.NOT_FOUND, reason: 'no such document', denied };
    if (!can(role, 'document.read')) return { code: CollabCloseCode.FORBIDDEN, reason: 'you may not read this document', denied };
    return { userId: viewer.userId, workspaceId, documentId, writable: can(role, 'document.write') };
  }

  /** Audits a refused connection, at most once per window for the same account, document and code. */
  private async auditDenial(code: number, d: { userId: string; workspaceId: string; documentId: string; role: Role | null }) {
    const key = `${d.userId}:${d.documentId}:${code}`;
    const now = Date.now();
    if (now - (this.auditedDenials.get(key) ?? -Infinity) < DENIAL_AUDIT_WINDOW_MS) return;
    if (this.auditedDenials.size > 10_000) for (const [k, t] of this.auditedDenials) if (now - t >= DENIAL_AUDIT_WINDOW_MS) this.auditedDenials.delete(k);
    this.auditedDenials.set(key, now);
    const data = { operation: 'ws /collab', code: code === CollabCloseCode.FORBIDDEN ? 'FORBIDDEN' : 'NOT_FOUND', role: d.role };
    await this.audit.record({ workspaceId: d.workspaceId, actorId: d.userId, action: 'authorization.denied', targetId: d.documentId, data }).catch((e) => this.logger.error({ err: String(e) }, 'could not audit a refused collaboration connection'));
  }

  private async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    const rows: { role: Role }[] = await this.db.query('SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return rows[0]?.role ?? null;
  }

  private async roomFor(documentId: string, workspaceId: string): Promise<DocRoom> {
    await this.unloading.get(documentId);
    let room = this.rooms.get(documentId);
    if (!room) {
      room = new DocRoom(documentId, workspaceId, this.content, { maxDocumentBytes: this.config.collab.maxDocumentBytes, compactAfter: this.config.collab.compactAfter, commitsInFlight: this.config.collab.commitsInFlight }, this.logger);
      room.ready.catch(() => undefined); // observed by each connection that awaits it
      this.rooms.set(documentId, room);
    }
    return room;
  }

  private scheduleUnload(room: DocRoom) {
    this.cancelUnload(room.documentId);
    this.idleTimers.set(
      room.documentId,
      setTimeout(() => {
        this.idleTimers.delete(room.documentId);
        if (room.connections.size > 0 || this.rooms.get(room.documentId) !== room) return;
        this.rooms.delete(room.documentId);
        const done = room
          .unload()
          .catch((e) => this.logger.error({ documentId: room.documentId, err: String(e) }, 'unload failed'))
          .finally(() => this.unloading.delete(room.documentId));
        this.unloading.set(room.documentId, done);
      }, this.config.collab.idleUnloadMs),
    );
  }

  private cancelUnload(documentId: string) {
    const t = this.idleTimers.get(documentId);
    if (t) clearTimeout(t);
    this.idleTimers.delete(documentId);
  }

  /** A room whose load failed is dropped without writing anything: the stored content stays as it was. */
  private dropRoom(room: DocRoom) {
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    room.destroy();
  }

  private onMembershipChange(workspaceId: string, userId: string, role: Role | null) {
    for (const room of this.rooms.values()) {
      if (room.workspaceId !== workspaceId) continue;
      for (const conn of room.connections.values()) {
        if (conn.userId !== userId) continue;
        conn.writable = !!role && can(role, 'document.write');
        if (!role || !can(role, 'document.read')) conn.socket.close(CLOSE_ACCESS_CHANGED, 'your access to this document has ended');
      }
    }
  }

  /** On shutdown: commit what is pending, fold the logs, close every socket. */
  async onModuleDestroy() {
    this.closing = true;
    this.subscription.unsubscribe();
    for (const t of this.idleTimers.values()) clearTimeout(t);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of rooms) for (const conn of room.connections.values()) conn.socket.close(CLOSE_GOING_AWAY, 'server shutting down');
    await Promise.all([...rooms.map((r) => r.unload().catch(() => undefined)), ...this.unloading.values()]);
    this.wss.close();
  }
}



