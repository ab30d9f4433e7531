// The plan: milestones with dated deliverables, their status computed by libs/plan (never typed),
// deliverables ticked by hand or by the event they are tied to, and the gate that freezes the draft.
import { isCalendarDate, milestoneStatus, StatusResult } from '@concord/plan';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, conflict, DomainError, forbidden, notFound } from '../../common/domain-error';
import { can } from '../../common/policy';
import { ActivityKind } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { LoadedMeeting, MeetingsService } from '../meetings/meetings.service';
import { ReviewsService } from '../reviews/reviews.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AddDeliverableInput, CreateMilestoneInput, TriggerMilestoneGateInput, UpdateDeliverableInput, UpdateMilestoneInput } from './dto/milestone.input';
import { DeliverableEntity, DeliverableTieKind, MilestoneEntity } from './milestone.entity';

export type LoadedDeliverable = DeliverableEntity & { ownerName?: string | null };
export type LoadedMilestone = MilestoneEntity & { deliverables: LoadedDeliverable[] };
/** A milestone with its status worked out for one instant. */
export type MilestoneWithStatus = LoadedMilestone & { computed: StatusResult };

/** What a tie's target may be, by the kind of event: tables whose rows carry workspace_id. */
const TIE_TARGETS: Record<DeliverableTieKind, { table: string; what: string }[]> = {
  [DeliverableTieKind.ROUND_CLOSED]: [{ table: 'consensus_rounds', what: 'consensus round' }],
  [DeliverableTieKind.VERSION_CREATED]: [
    { table: 'documents', what: 'document' },
    { table: 'milestones', what: 'gate milestone' },
  ],
  [DeliverableTieKind.REVIEW_ROUND_OPENED]: [
    { table: 'documents', what: 'document' },
    { table: 'milestones', what: 'gate milestone' },
  ],
  [DeliverableTieKind.REVIEW_ROUND_CLOSED]: [
    { table: 'documents', what: 'document' },
    { table: 'review_rounds', what: 'review round' },
    { table: 'milestones', what: 'gate milestone' },
  ],
  [DeliverableTieKind.DECISION_AGREED]: [
    { table: 'decisions', what: 'decision' },
    { table: 'meetings', what: 'meeting' },
    { table: 'milestones', what: 'milestone' },
    { table: 'consensus_rounds', what: 'consensus round' },
  ],
};

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly meetingsService: MeetingsService,
    private readonly documents: DocumentsService,
    private readonly reviews: ReviewsService,
  ) {}

  /** Milestones by due date with their deliverables (and owners' names), in three queries whatever the number. */
  async forWorkspace(workspaceId: string): Promise<LoadedMilestone[]> {
    return this.load(await this.db.getRepository(MilestoneEntity).find({ where: { workspaceId }, order: { dueOn: 'ASC', startsOn: 'ASC' } }));
  }

  /** The plan with each milestone's status at `now`. */
  async listWithStatus(workspaceId: string, now = new Date()): Promise<MilestoneWithStatus[]> {
    return (await this.forWorkspace(workspaceId)).map((m) => Object.assign(m, { computed: this.status(m, now) }));
  }

  async get(id: string): Promise<LoadedMilestone | null> {
    const m = await this.db.getRepository(MilestoneEntity).findOne({ where: { id } });
    return m ? (await this.load([m]))[0] : null;
  }

  status(m: LoadedMilestone, now = new Date()): StatusResult {
    return milestoneStatus(m.dueOn, m.deliverables.map((d) => ({ title: d.title, dueOn: d.dueOn, done: d.doneAt !== null })), now, m.riskWindowDays ?? undefined);
  }

  /** Meetings with their agendas (kept here for callers that read the plan and its meetings together). */
  meetings(workspaceId: string): Promise<LoadedMeeting[]> {
    return this.meetingsService.list(workspaceId);
  }

  async create(actor: MemberEntity, input: CreateMilestoneInput): Promise<LoadedMilestone> {
    checkRange(input.startsOn, input.dueDate);
    const m = await this.db.getRepository(MilestoneEntity).save({
      workspaceId: actor.workspaceId,
      title: input.title,
      startsOn: input.startsOn,
      dueOn: input.dueDate,
      riskWindowDays: input.riskWindowDays ?? 14,
      gatesDraft: input.gatesDraft ?? false,
      gateTriggeredAt: null,
      gateVersionId: null,
      gateReviewRoundId: null,
    });
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'milestone.created', targetId: m.id, data: { title: m.title } });
    return this.mustGet(m.id);
  }

  /** Changes a milestone; its range must still hold every deliverable. */
  async update(actor: MemberEntity, input: UpdateMilestoneInput): Promise<LoadedMilestone> {
    await this.db.transaction(async (tx) => {
      const m = await this.locked(tx, actor.workspaceId, input.id);
      const startsOn = input.startsOn ?? m.startsOn;
      const dueOn = input.dueDate ?? m.dueOn;
      checkRange(startsOn, dueOn);
      const outside = (await tx.getRepository(DeliverableEntity).find({ where: { milestoneId: m.id }, order: { dueOn: 'ASC' } })).filter((d) => d.dueOn < startsOn || d.dueOn > dueOn);
      if (outside.length) {
        const field = outside[0].dueOn < startsOn ? 'input.startsOn' : 'input.dueDate';
        throw badInput(field, `${field}: “${outside[0].title}” (due ${outside[0].dueOn})${outside.length > 1 ? ` and ${outside.length - 1} more` : ''} would fall outside the milestone; move ${outside.length > 1 ? 'them' : 'it'} first`);
      }
      await tx.getRepository(MilestoneEntity).update(m.id, {
        startsOn,
        dueOn,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.riskWindowDays !== undefined ? { riskWindowDays: input.riskWindowDays } : {}),
        ...(input.gatesDraft !== undefined ? { gatesDraft: input.gatesDraft } : {}),
      });
    });
    return this.mustGet(input.id);
  }

  async addDeliverable(actor: MemberEntity, input: AddDeliverableInput): Promise<LoadedDeliverable> {
    await this.checkOwner(actor.workspaceId, input.ownerId);
    await this.checkTie(actor.workspaceId, input.tieKind ?? null, input.tieTargetId ?? null);
    const id = await this.db.transaction(async (tx) => {
      const m = await this.locked(tx, actor.workspaceId, input.milestoneId);
      checkWithin(m, input.dueDate);
      const last: { n: number }[] = await tx.query('SELECT coalesce(max(position), 0)::int AS n FROM deliverables WHERE milestone_id = $1', [m.id]);
      const d = await tx.getRepository(DeliverableEntity).save({
        milestoneId: m.id,
        title: input.title,
        dueOn: input.dueDate,
        ownerId: input.ownerId ?? null,
        tieKind: input.tieKind ?? null,
        tieTargetId: input.tieTargetId ?? null,
        doneAt: null,
        position: last[0].n + 1,
        proofKind: null,
        proofId: null,
        proofLabel: null,
      });
      return d.id;
    });
    return this.mustGetDeliverable(id);
  }

  async updateDeliverable(actor: MemberEntity, input: UpdateDeliverableInput): Promise<LoadedDeliverable> {
    if (input.ownerId) await this.checkOwner(actor.workspaceId, input.ownerId);
    await this.db.transaction(async (tx) => {
      const d = await this.lockedDeliverable(tx, actor.workspaceId, input.id);
      const m = await this.locked(tx, actor.workspaceId, d.milestoneId);
      if (input.dueDate !== undefined) checkWithin(m, input.dueDate);
      // Clearing the kind clears its target; a new kind keeps the target only if it still fits.
      const tieKind = input.tieKind === undefined ? d.tieKind : input.tieKind;
      const tieTargetId = input.tieTargetId !== undefined ? input.tieTargetId : tieKind ? d.tieTargetId : null;
      await this.checkTie(actor.workspaceId, tieKind, tieTargetId);
      await tx.getRepository(DeliverableEntity).update(d.id, {
        tieKind,
        tieTargetId,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.dueDate !== undefined ? { dueOn: input.dueDate } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      });
    });
    return this.mustGetDeliverable(input.id);
  }

  async removeDeliverable(actor: MemberEntity, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const d = await this.lockedDeliverable(tx, actor.workspaceId, id);
      await tx.getRepository(DeliverableEntity).delete(d.id);
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'deliverable.removed', targetId: d.id, data: { title: d.title } }, tx);
      return true;
    });
  }

  /** A lead, or the deliverable's owner, ticks it done or open (opening it again forgets its proof). */
  async setDone(actor: MemberEntity, deliverableId: string, done: boolean): Promise<LoadedDeliverable> {
    await this.db.transaction(async (tx) => {
      const d = await this.lockedDeliverable(tx, actor.workspaceId, deliverableId);
      if (d.ownerId !== actor.id && !can(actor.role, 'milestones.manage')) throw forbidden('Only its owner or a lead can tick this deliverable');
      if ((d.doneAt !== null) === done) return;
      await tx.getRepository(DeliverableEntity).update(d.id, done ? { doneAt: new Date() } : { doneAt: null, proofKind: null, proofId: null, proofLabel: null });
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: done ? 'deliverable.done' : 'deliverable.reopened', targetId: d.id, data: { title: d.title } }, tx);
      await this.activity.emit(tx, {
        workspaceId: actor.workspaceId,
        kind: done ? ActivityKind.DELIVERABLE_DONE : ActivityKind.DELIVERABLE_REOPENED,
        actorId: actor.userId,
        targetId: d.id,
        label: done ? `“${d.title}” ticked done` : `“${d.title}” opened again`,
      });
    });
    return this.mustGetDeliverable(deliverableId);
  }

  /**
   * The gate: freezes a named version of the draft and, if asked, opens a stakeholder review round
   * from it, all in one transaction. Once per milestone, and only on a milestone that gates the draft.
   */
  async triggerGate(actor: MemberEntity, input: TriggerMilestoneGateInput): Promise<LoadedMilestone> {
    const doc: unknown[] = await this.db.query('SELECT 1 FROM documents WHERE id = $1 AND workspace_id = $2', [input.documentId, actor.workspaceId]);
    if (!doc.length) throw badInput('input.documentId', 'input.documentId: no such document in this workspace');
    await this.db.transaction(async (tx) => {
      const m = await this.locked(tx, actor.workspaceId, input.milestoneId);
      if (!m.gatesDraft) throw conflict(`“${m.title}” does not gate the draft`, { reason: 'NOT_A_GATE' });
      if (m.gateTriggeredAt) throw conflict(`The gate of “${m.title}” has already been triggered`, { reason: 'GATE_TRIGGERED' });
      const concerns = [m.id];
      const version = await this.documents.createVersion(actor, input.documentId, input.versionName, { tx, concerns });
      // The review round's own checks apply; if one fails, the frozen version goes with it.
      const review = input.openReview
        ? await this.reviews
            .open(actor, { versionId: version.id, title: input.openReview.title ?? `Stakeholder review: ${input.versionName}`, closesAt: input.openReview.closesAt }, { tx, concerns })
            .catch((e: unknown) => {
              throw e instanceof DomainError && e.field?.startsWith('input.') ? badInput(`input.openReview.${e.field.slice(6)}`, e.message.replace(e.field, `input.openReview.${e.field.slice(6)}`)) : e;
            })
        : null;
      await tx.getRepository(MilestoneEntity).update(m.id, { gateTriggeredAt: new Date(), gateVersionId: version.id, gateReviewRoundId: review?.id ?? null });
      await this.audit.record({ workspaceId: m.workspaceId, actorId: actor.userId, action: 'milestone.gateTriggered', targetId: m.id, data: { title: m.title, version: version.name, review: review?.title ?? null } }, tx);
      await this.activity.emit(tx, {
        workspaceId: m.workspaceId,
        kind: ActivityKind.MILESTONE_GATE_TRIGGERED,
        actorId: actor.userId,
        targetId: m.id,
        label: `Gate of “${m.title}”: version “${version.name}” frozen${review ? `, review round “${review.title}” opened` : ''}`,
      });
    });
    return this.mustGet(input.milestoneId);
  }

  async ownerName(ownerId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    const rows: { name: string }[] = await this.db.query('SELECT u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1', [ownerId]);
    return rows[0]?.name ?? null;
  }

  // ——— internals ———

  private async load(milestones: MilestoneEntity[]): Promise<LoadedMilestone[]> {
    const deliverables: LoadedDeliverable[] = milestones.length
      ? await this.db.getRepository(DeliverableEntity).find({ where: { milestoneId: In(milestones.map((m) => m.id)) }, order: { dueOn: 'ASC', position: 'ASC' } })
      : [];
    const owners = [...new Set(deliverables.map((d) => d.ownerId).filter((id): id is string => !!id))];
    const names = new Map<string, string>(
      owners.length ? (await this.db.query('SELECT m.id, u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = ANY($1::uuid[])', [owners])).map((r: { id: string; name: string }) => [r.id, r.name]) : [],
    );
    for (const d of deliverables) d.ownerName = d.ownerId ? (names.get(d.ownerId) ?? null) : null;
    return milestones.map((m) => Object.assign(m, { deliverables: deliverables.filter((d) => d.milestoneId === m.id) }));
  }

  private async mustGet(id: string): Promise<LoadedMilestone> {
    const m = await this.get(id);
    if (!m) throw notFound('Milestone not found');
    return m;
  }

  private async mustGetDeliverable(id: string): Promise<LoadedDeliverable> {
    const d = await this.db.getRepository(DeliverableEntity).findOneOrFail({ where: { id } });
    return Object.assign(d, { ownerName: await this.ownerName(d.ownerId) });
  }

  /** The milestone, locked: its range and its deliverables' dates change one at a time. */
  private async locked(tx: EntityManager, workspaceId: string, id: string): Promise<MilestoneEntity> {
    const m = await tx.getRepository(MilestoneEntity).findOne({ where: { id, workspaceId }, lock: { mode: 'pessimistic_write' } });
    if (!m) throw notFound('Milestone not found');
    return m;
  }

  private async lockedDeliverable(tx: EntityManager, workspaceId: string, id: string): Promise<DeliverableEntity> {
    const rows: { id: string }[] = await tx.query('SELECT d.id FROM deliverables d JOIN milestones m ON m.id = d.milestone_id WHERE d.id = $1 AND m.workspace_id = $2 FOR UPDATE OF d', [id, workspaceId]);
    if (!rows.length) throw notFound('Deliverable not found');
    return tx.getRepository(DeliverableEntity).findOneOrFail({ where: { id } });
  }

  /** An owner is a member of the workspace who may tick deliverables (not a reviewer or an observer). */
  private async checkOwner(workspaceId: string, ownerId: string | null | undefined) {
    if (!ownerId) return;
    const m = await this.db.getRepository(MemberEntity).findOne({ where: { id: ownerId, workspaceId } });
    if (!m) throw badInput('input.ownerId', 'input.ownerId: no such member in this workspace');
    if (!can(m.role, 'deliverables.tick')) throw badInput('input.ownerId', 'input.ownerId: a reviewer or an observer cannot own a deliverable');
  }

  /** A tie's target must be an object of this workspace of a kind the event can concern. */
  private async checkTie(workspaceId: string, kind: DeliverableTieKind | null, targetId: string | null) {
    if (!targetId) return;
    if (!kind) throw badInput('input.tieTargetId', 'input.tieTargetId: needs a tieKind');
    for (const { table } of TIE_TARGETS[kind]) {
      if ((await this.db.query(`SELECT 1 FROM ${table} WHERE id = $1 AND workspace_id = $2`, [targetId, workspaceId])).length) return;
    }
    const whats = TIE_TARGETS[kind].map((t) => t.what);
    throw badInput('input.tieTargetId', `input.tieTargetId: must be a ${whats.length > 1 ? `${whats.slice(0, -1).join(', ')} or ${whats[whats.length - 1]}` : whats[0]} of this workspace`);
  }
}

function checkRange(startsOn: string, dueOn: string) {
  if (!isCalendarDate(startsOn)) throw badInput('input.startsOn', 'input.startsOn: must be a calendar date, YYYY-MM-DD');
  if (!isCalendarDate(dueOn)) throw badInput('input.dueDate', 'input.dueDate: must be a calendar date, YYYY-MM-DD');
  if (startsOn > dueOn) throw badInput('input.dueDate', 'input.dueDate: must not be before startsOn');
}

/** A deliverable's due date falls within its milestone, both ends included. */
function checkWithin(m: MilestoneEntity, dueOn: string) {
  if (!isCalendarDate(dueOn)) throw badInput('input.dueDate', 'input.dueDate: must be a calendar date, YYYY-MM-DD');
  if (dueOn < m.startsOn || dueOn > m.dueOn) throw badInput('input.dueDate', `input.dueDate: must fall within its milestone, ${m.startsOn} to ${m.dueOn}`);
}
