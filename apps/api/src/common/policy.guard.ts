// The guard every GraphQL operation and sub-object field passes through (registered globally, and
// for field resolvers through `fieldResolverEnhancers`). It looks the operation up in OPERATION_RULES:
// no rule → denied. Workspace-scoped actions need the resolver's @Scope and a membership whose role
// the policy allows. A non-member learns nothing: NOT_FOUND (or null), never FORBIDDEN. Each denial
// (FORBIDDEN, or NOT_FOUND for a signed-in caller) is written to the audit log: one row per operation and
// request, with the operation's key and the target's id, never its arguments.
import { CallHandler, CanActivate, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Logger } from 'pino';
import { Observable, of } from 'rxjs';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../modules/audit/audit.service';
import { MemberEntity } from '../modules/workspaces/member.entity';
import { badInput, forbidden, notFound, unauthenticated } from './domain-error';
import { oneEach } from './loaders';
import { LOGGER } from './logger';
import { Action, can, OPERATION_RULES } from './policy';
import type { RequestContext, Viewer } from './request-context';
import { SCOPE_KEY, ScopeOptions, ScopeSource } from './rule.decorator';
import { UUID } from './cursor';

export const PUBLIC_HTTP = 'concord:public-http';

/** Field invocations the guard allowed, with the membership it checked. */
const authorized = new WeakMap<GraphQLResolveInfo, { viewer: Viewer; member?: MemberEntity }>();
/** Nullable lookups the viewer may not see: the interceptor answers null without running them. */
const hidden = new WeakSet<GraphQLResolveInfo>();
/**
 * Denials audited in a request (by operation and workspace), with the write: a denied field of a list
 * is one row, and every denial of it waits for that row, so no error reaches the client before it.
 */
const auditedDenials = new WeakMap<RequestContext, Map<string, Promise<void>>>();


export function authorizedMember(info: GraphQLResolveInfo): MemberEntity | undefined {
  return authorized.get(info)?.member;
}
export function authorizedViewer(info: GraphQLResolveInfo): Viewer | undefined {
  return authorized.get(info)?.viewer;
}

export function operationKey(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') {
      return this.reflector.get<boolean>(PUBLIC_HTTP, context.getHandler()) === true;
    }
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const key = operationKey(info);
    const rule = OPERATION_RULES[key];
    if (rule === undefined) {
      this.logger.error({ operation: key }, 'operation has no rule in the policy: denied');
      throw forbidden();
    }
    if (rule === 'public' || rule === 'inherit') return true;
    const ctx = gql.getContext<RequestContext>();
    const viewer = await ctx.viewer();
    if (!viewer) throw unauthenticated();
    if (rule === 'signedIn') {
      authorized.set(info, { viewer });
      return true;
    }
    const scope = this.reflector.get<{ source: ScopeSource } & ScopeOptions>(SCOPE_KEY, context.getHandler());
    if (!scope) {
      this.logger.error({ operation: key }, 'workspace-scoped operation declares no @Scope: denied');
      throw forbidden();
    }
    const workspaceId = await this.workspaceOf(scope.source, gql.getArgs(), gql.getRoot());
    const member = workspaceId ? await this.membership(ctx, viewer.userId, workspaceId) : null;
    if (!member || !can(member.role, rule as Action)) {
      if (scope.orNull) {
        hidden.add(info);
        return true;
      }
      await this.auditDenial(ctx, viewer, key, member ? 'FORBIDDEN' : 'NOT_FOUND', workspaceId, member, targetOf(scope.source, gql.getArgs()));
      if (!member) throw notFound();
      this.logger.info({ operation: key, memberId: member.id, role: member.role }, 'authorization denied');
      throw forbidden();
    }
    authorized.set(info, { viewer, member });
    return true;
  }

  /** One audit row per denied operation and request; a failure to write it never changes the answer. */
  private async auditDenial(ctx: RequestContext, viewer: Viewer, operation: string, code: 'FORBIDDEN' | 'NOT_FOUND', workspaceId: string | null, member: MemberEntity | null, targetId: string | null) {
    let seen = auditedDenials.get(ctx);
    if (!seen) auditedDenials.set(ctx, (seen = new Map()));
    const once = `${operation}:${workspaceId ?? ''}`;
    let written = seen.get(once);
    if (!written) {
      written = this.audit
        .record({ workspaceId, actorId: viewer.userId, action: 'authorization.denied', targetId, data: { operation, code, role: member?.role ?? null } })
        .catch((e) => this.logger.error({ operation, err: String(e) }, 'could not audit a denied authorization'));
      seen.set(once, written);
    }
    await written;
  }

  private async workspaceOf(source: ScopeSource, args: Record<string, unknown>, root: Record<string, unknown>): Promise<string | null> {
    if (source.from === 'parent') return (root?.[source.key] as string | undefined) ?? null;
    const value = source.path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], args);
    if (typeof value !== 'string' || !UUID.test(value)) throw badInput(source.path, `${source.path}: must be a valid id`);
    if (source.from === 'arg') return value;
    // Deliverables belong to a milestone, which holds the workspace.
    const sql =
      source.table === 'deliverables'
        ? 'SELECT m.workspace_id FROM deliverables d JOIN milestones m ON m.id = d.milestone_id WHERE d.id = $1'
        : `SELECT workspace_id FROM "${source.table}" WHERE id = $1`;
    const rows: { workspace_id: string }[] = await this.dataSource.query(sql, [value]);
    return rows[0]?.workspace_id ?? null;
  }

  private membership(ctx: RequestContext, userId: string, workspaceId: string): Promise<MemberEntity | null> {
    let pending = ctx.memberships.get(workspaceId);
    if (!pending) {
      // Batched: a list across workspaces (the workspace list's myRole) asks for each in the same tick.
      const members = ctx.loaders.get(`policy.membership:${userId}`, async (ids: readonly string[]) =>
        oneEach(ids, await this.dataSource.getRepository(MemberEntity).find({ where: { userId, workspaceId: In([...ids]) } }), (m) => m.workspaceId),
      );
      pending = members.load(workspaceId);
      ctx.memberships.set(workspaceId, pending);
    }
    return pending;
  }
}

/** The id the operation names (a row or a workspace), for the audit log; null for parent-scoped fields. */
function targetOf(source: ScopeSource, args: Record<string, unknown>): string | null {
  if (source.from === 'parent') return null;
  const value = source.path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], args);
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

/** Answers null for nullable lookups that the guard hid. */
@Injectable()
export class HiddenLookupInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
      if (hidden.has(info)) return of(null);
    }
    return next.handle();
  }
}
