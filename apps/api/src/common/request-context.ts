// What one GraphQL request knows about who is asking, computed at most once per request.
import type { Request, Response } from 'express';
import type { MemberEntity } from '../modules/workspaces/member.entity';
import type { RequestLoaders } from './loaders';

export interface Viewer {
  userId: string;
  sessionId: string;
}

export interface RequestContext {
  req: Request;
  res?: Response;
  /** Resolved lazily from the cookie or bearer token; null when signed out. */
  viewer: () => Promise<Viewer | null>;
  /** Per-request memo of the viewer's membership by workspace id (the policy's loader). */
  memberships: Map<string, Promise<MemberEntity | null>>;
  /** This request's DataLoaders; never shared with another request. */
  loaders: RequestLoaders;
}

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}
