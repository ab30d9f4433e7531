import { milestoneStatus, StatusResult } from '@concord/plan';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { forbidden, notFound } from '../../common/domain-error';
import { can } from '../../common/policy';
import { AuditService } from '../audit/audit.service';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { DeliverableEntity, MilestoneEntity } from './milestone.entity';

export type LoadedMilestone = MilestoneEntity & { deliverables: DeliverableEntity[] };

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Milestones with their deliverables, in two queries whatever the number of milestones. */
  async forWorkspace(workspaceId: string): Promise<LoadedMilestone[]> {
    const milestones = await this.db.getRepository(MilestoneEntity).find({ where: { workspaceId }, order: { dueOn: 'ASC' } });
    const deliverables = milestones.length
      ? await this.db.getRepository(DeliverableEntity).find({ where: { milestoneId: In(milestones.map((m) => m.id)) }, order: { dueOn: 'ASC', position: 'ASC' } })
      : [];
    return milestones.map((m) => Object.assign(m, { deliverables: deliverables.filter((d) => d.milestoneId === m.id) }));
  }

  status(m: LoadedMilestone, now = new Date()): StatusResult {
    return milestoneStatus(m.dueOn, m.deliverables.map((d) => ({ title: d.title, dueOn: d.dueOn, done: d.doneAt !== null })), now);
  }

  meetings(workspaceId: string): Promise<MeetingEntity[]> {
    return this.db.getRepository(MeetingEntity).find({ where: { workspaceId }, order: { heldOn: 'ASC' } });
  }

  /** A lead, or the deliverable's owner, ticks it done or open. */
  async setDone(actor: MemberEntity, deliverableId: string, done: boolean): Promise<DeliverableEntity> {
    const d = await this.db.getRepository(DeliverableEntity).findOne({ where: { id: deliverableId }, relations: { milestone: true } });
    if (!d || d.milestone?.workspaceId !== actor.workspaceId) throw notFound('Deliverable not found');
    if (d.ownerId !== actor.id && !can(actor.role, 'milestones.manage')) throw forbidden('Only its owner or a lead can tick this deliverable');
    d.doneAt = done ? (d.doneAt ?? new Date()) : null;
    await this.db.getRepository(DeliverableEntity).update(d.id, { doneAt: d.doneAt });
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: done ? 'deliverable.done' : 'deliverable.reopened', targetId: d.id, data: { title: d.title } });
    return d;
  }

  async ownerName(ownerId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    const rows: { name: string }[] = await this.db.query('SELECT u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1', [ownerId]);
    return rows[0]?.name ?? null;
  }
}
