import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  targetId?: string | null;
  /** Human-readable context; never a secret, a token or a ballot. */
  data?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records within the caller's transaction when given its manager, so the entry commits with the change. */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.events;
    await repo.insert({ workspaceId: entry.workspaceId, actorId: entry.actorId, action: entry.action, targetId: entry.targetId ?? null, data: (entry.data ?? {}) as object });
  }

  async list(workspaceId: string, limit: number): Promise<(AuditEventEntity & { actorName: string | null })[]> {
    const rows: (AuditEventEntity & { actorName: string | null })[] = await this.events
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.actor_id')
      .addSelect('u.name', 'actor_name')
      .where('e.workspace_id = :workspaceId', { workspaceId })
      .orderBy('e.created_at', 'DESC')
      .limit(Math.min(Math.max(limit, 1), 500))
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { actorName: (raw[i] as { actor_name: string | null }).actor_name })));
    return rows;
  }
}

/** One line per action, for the audit page. */
export function auditSummary(e: Pick<AuditEventEntity, 'action' | 'data'>): string {
  const d = e.data as Record<string, string | undefined>;
  switch (e.action) {
    case 'workspace.created': return `Created the workspace "${d.name ?? ''}"`;
    case 'member.invited': return `Invited ${d.email} as ${d.role}`;
    case 'member.joined': return `${d.name ?? 'Someone'} joined as ${d.role}`;
    case 'member.roleChanged': return `Changed ${d.name ?? 'a member'}'s role from ${d.from} to ${d.to}`;
    case 'member.removed': return `Removed ${d.name ?? 'a member'} (${d.role})`;
    case 'invitation.revoked': return `Revoked the invitation of ${d.email}`;
    case 'authorization.denied': return `Was refused ${d.operation ?? 'an action'} (${d.code ?? 'FORBIDDEN'})`;
    default: return e.action;
  }
}
