// The guard every GraphQL operation and sub-object field passes through (registered globally, and
// for field resolvers through `fieldResolverEnhancers`). It looks the operation up in OPERATION_RULES:
// no rule → denied. Workspace-scoped actions need the resolver's @Scope and a membership whose role
// the policy allows. A non-member learns nothing: NOT_FOUND (or null), never FORBIDDEN.
import { CallHandler, CanActivate, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Logger } from 'pino';
import { Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { MemberEntity } from '../modules/workspaces/member.entity';
import { badInput, forbidden, notFound, unauthenticated } from './domain-error';
import { LOGGER } from './logger';
import { Action, can, OPERATION_RULES } from './policy';
import type { RequestContext, Viewer } from './request-context';
import { SCOPE_KEY, ScopeOptions, ScopeSource } from './rule.decorator';

export const PUBLIC_HTTP = 'concord:public-http';

/** Field invocations the guard allowed, with the membership it checked. */
const authorized = new WeakMap<GraphQLResolveInfo, { viewer: Viewer; member?: MemberEntity }>();
/** Nullable lookups the viewer may not see: the interceptor answers null without running them. */
const hidden = new WeakSet<GraphQLResolveInfo>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
      if (!member) throw notFound();
      this.logger.info({ operation: key, memberId: member.id, role: member.role }, 'authorization denied');
      throw forbidden();
    }
    authorized.set(info, { viewer, member });
    return true;
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
      pending = this.dataSource.getRepository(MemberEntity).findOne({ where: { workspaceId, userId } });
      ctx.memberships.set(workspaceId, pending);
    }
    return pending;
  }
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
