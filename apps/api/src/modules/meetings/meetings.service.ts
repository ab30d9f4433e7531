// Meetings (Taskforce and working group) with ordered agendas, and the milestone each serves.
import { isCalendarDate } from '@concord/plan';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { ActivityKind } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AddAgendaItemInput, AGENDA_ITEMS_MAX, CreateMeetingInput, UpdateMeetingInput } from './dto/meeting.input';
import { AgendaItemEntity, MeetingEntity, MeetingKind } from './meeting.entity';

/** A meeting with its agenda, in order (`agenda`: the items' titles, as the API has always given them). */
export type LoadedMeeting = MeetingEntity & { agendaItems: AgendaItemEntity[]; agenda: string[] };

const KIND_WORDS: Record<MeetingKind, string> = { [MeetingKind.TASKFORCE]: 'Taskforce meeting', [MeetingKind.WORKING_GROUP]: 'Working group meeting' };

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  /** The workspace's meetings by date, with their agendas, in two queries. */
  async list(workspaceId: string): Promise<LoadedMeeting[]> {
    return this.withAgendas(await this.db.getRepository(MeetingEntity).find({ where: { workspaceId }, order: { heldOn: 'ASC', title: 'ASC' } }));
  }

  async get(id: string): Promise<LoadedMeeting | null> {
    const m = await this.db.getRepository(MeetingEntity).findOne({ where: { id } });
    return m ? (await this.withAgendas([m]))[0] : null;
  }

  async create(actor: MemberEntity, input: CreateMeetingInput): Promise<LoadedMeeting> {
    checkDate(input.date, 'input.date');
    await this.checkMilestone(actor.workspaceId, input.milestoneId);
    const id = await this.db.transaction(async (tx) => {
      const m = await tx.getRepository(MeetingEntity).save({ workspaceId: actor.workspaceId, title: input.title, kind: input.kind, heldOn: input.date, milestoneId: input.milestoneId ?? null });
      const agenda = (input.agenda ?? []).filter((t) => t.length > 0);
      if (agenda.length) await tx.getRepository(AgendaItemEntity).insert(agenda.map((title, i) => ({ meetingId: m.id, workspaceId: m.workspaceId, position: i + 1, title })));
      await this.activity.emit(tx, { workspaceId: m.workspaceId, kind: ActivityKind.MEETING_SCHEDULED, actorId: actor.userId, targetId: m.id, label: `${KIND_WORDS[m.kind]} “${m.title}” scheduled for ${m.heldOn}` });
      return m.id;
    });
    return this.mustGet(id);
  }

  async update(actor: MemberEntity, input: UpdateMeetingInput): Promise<LoadedMeeting> {
    if (input.date !== undefined) checkDate(input.date, 'input.date');
    if (input.milestoneId) await this.checkMilestone(actor.workspaceId, input.milestoneId);
    const m = await this.db.getRepository(MeetingEntity).findOne({ where: { id: input.id, workspaceId: actor.workspaceId } });
    if (!m) throw notFound('Meeting not found');
    await this.db.getRepository(MeetingEntity).update(m.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.date !== undefined ? { heldOn: input.date } : {}),
      ...(input.milestoneId !== undefined ? { milestoneId: input.milestoneId } : {}),
    });
    return this.mustGet(m.id);
  }

  /** A meeting at which decisions were agreed stays: the log points at it. */
  async remove(actor: MemberEntity, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const m = await this.locked(tx, actor.workspaceId, id);
      const agreed: { n: number }[] = await tx.query('SELECT count(*)::int AS n FROM decisions WHERE agreed_meeting_id = $1', [m.id]);
      if (agreed[0].n > 0) throw conflict('Decisions were agreed at this meeting: the decision log refers to it', { reason: 'HAS_DECISIONS' });
      await tx.getRepository(MeetingEntity).delete(m.id);
      await this.audit.record({ workspaceId: m.workspaceId, actorId: actor.userId, action: 'meeting.deleted', targetId: m.id, data: { title: m.title, date: m.heldOn } }, tx);
      return true;
    });
  }

  async addAgendaItem(actor: MemberEntity, input: AddAgendaItemInput): Promise<LoadedMeeting> {
    await this.db.transaction(async (tx) => {
      const m = await this.locked(tx, actor.workspaceId, input.meetingId);
      const items = await this.items(tx, m.id);
      if (items.length >= AGENDA_ITEMS_MAX) throw badInput('input.meetingId', `input.meetingId: an agenda holds at most ${AGENDA_ITEMS_MAX} items`);
      const item = tx.getRepository(AgendaItemEntity).create({ meetingId: m.id, workspaceId: m.workspaceId, title: input.title, position: 0 });
      const at = Math.min(input.position ?? items.length + 1, items.length + 1);
      items.splice(at - 1, 0, item);
      await this.renumber(tx, items);
    });
    return this.mustGet(input.meetingId);
  }

  async updateAgendaItem(actor: MemberEntity, id: string, title: string): Promise<LoadedMeeting> {
    const item = await this.item(actor.workspaceId, id);
    await this.db.getRepository(AgendaItemEntity).update(item.id, { title });
    return this.mustGet(item.meetingId);
  }

  async removeAgendaItem(actor: MemberEntity, id: string): Promise<LoadedMeeting> {
    const { meetingId } = await this.item(actor.workspaceId, id);
    await this.db.transaction(async (tx) => {
      await this.locked(tx, actor.workspaceId, meetingId);
      await tx.getRepository(AgendaItemEntity).delete(id);
      await this.renumber(tx, await this.items(tx, meetingId));
    });
    return this.mustGet(meetingId);
  }

  async moveAgendaItem(actor: MemberEntity, id: string, position: number): Promise<LoadedMeeting> {
    const { meetingId } = await this.item(actor.workspaceId, id);
    await this.db.transaction(async (tx) => {
      await this.locked(tx, actor.workspaceId, meetingId);
      const items = await this.items(tx, meetingId);
      const from = items.findIndex((i) => i.id === id);
      if (from < 0) throw notFound('Agenda item not found');
      const [moved] = items.splice(from, 1);
      items.splice(Math.min(position, items.length + 1) - 1, 0, moved);
      await this.renumber(tx, items);
    });
    return this.mustGet(meetingId);
  }

  // ——— internals ———

  private async withAgendas(meetings: MeetingEntity[]): Promise<LoadedMeeting[]> {
    const items = meetings.length ? await this.db.getRepository(AgendaItemEntity).find({ where: { meetingId: In(meetings.map((m) => m.id)) }, order: { position: 'ASC' } }) : [];
    return meetings.map((m) => {
      const agendaItems = items.filter((i) => i.meetingId === m.id);
      return Object.assign(m, { agendaItems, agenda: agendaItems.map((i) => i.title) });
    });
  }

  private async mustGet(id: string): Promise<LoadedMeeting> {
    const m = await this.get(id);
    if (!m) throw notFound('Meeting not found');
    return m;
  }

  /** The meeting, locked: agenda changes to one meeting happen one at a time. */
  private async locked(tx: EntityManager, workspaceId: string, id: string): Promise<MeetingEntity> {
    const m = await tx.getRepository(MeetingEntity).findOne({ where: { id, workspaceId }, lock: { mode: 'pessimistic_write' } });
    if (!m) throw notFound('Meeting not found');
    return m;
  }

  private items(tx: EntityManager, meetingId: string): Promise<AgendaItemEntity[]> {
    return tx.getRepository(AgendaItemEntity).find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  private async item(workspaceId: string, id: string): Promise<AgendaItemEntity> {
    const item = await this.db.getRepository(AgendaItemEntity).findOne({ where: { id, workspaceId } });
    if (!item) throw notFound('Agenda item not found');
    return item;
  }

  /** Positions 1, 2, 3 … in the given order. */
  private async renumber(tx: EntityManager, items: AgendaItemEntity[]) {
    items.forEach((item, i) => (item.position = i + 1));
    await tx.getRepository(AgendaItemEntity).save(items);
  }

  private async checkMilestone(workspaceId: string, milestoneId: string | null | undefined) {
    if (!milestoneId) return;
    const rows: unknown[] = await this.db.query('SELECT 1 FROM milestones WHERE id = $1 AND workspace_id = $2', [milestoneId, workspaceId]);
    if (!rows.length) throw badInput('input.milestoneId', 'input.milestoneId: no such milestone in this workspace');
  }
}

export function checkDate(value: string, field: string) {
  if (!isCalendarDate(value)) throw badInput(field, `${field}: must be a calendar date, YYYY-MM-DD`);
}
