import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService, auditSummary } from './audit.service';

@Resolver(() => AuditEventEntity)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => String, { nullable: true })
  actorName(@Parent() e: AuditEventEntity & { actorName?: string | null }): string | null {
    return e.actorName ?? null;
  }

  @ResolveField(() => String)
  summary(@Parent() e: AuditEventEntity): string {
    return auditSummary(e);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceAuditResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => [AuditEventEntity], { description: 'Security-relevant actions, newest first (leads only).' })
  @Scope(parent('id'))
  auditLog(@Parent() workspace: WorkspaceEntity, @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number) {
    return this.audit.list(workspace.id, limit);
  }
}
