// The decision log: numbered per workspace without gaps, PROPOSED → AGREED → SUPERSEDED, linked to
// what it rests on. An agreed decision is never edited (here, and by a trigger in the database).
import { londonDate } from '@concord/plan';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { toCsv } from '../../common/csv';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { oneEach } from '../../common/loaders';
import { decodeCursor, isInteger, Page, pageSize, toPage } from '../../common/paging';
import { ActivityKind, annotationWords } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AgreedVia, DecisionEntity, DecisionSection, DecisionStatus } from './decision.entity';
import { DecisionFilterInput, DecisionSectionInput, ProposeDecisionInput, UpdateDecisionInput } from './dto/propose-decision.input';
import { DecisionLink, DecisionLinkKind } from './decisions.types';

export interface NewDecision {
  workspaceId: string;
  title: string;
  statement: string;
  rationale: string;
  roundItemId?: string | null;
  roundItemIds?: string[];
  annotationIds?: string[];
  sourceIds?: string[];
  sections?: DecisionSection[];
  milestoneId?: string | null;
  resultSummary?: string | null;
  /** The member who proposed it; null when the server drafted it. */
  createdBy: string | null;
  /** The user behind it, for the activity feed. */
  actorUserId?: string | null;
  supersedesId?: string | null;
}

export type DecisionFilter = DecisionFilterInput & { workspaceId: string };

/** Where a decision is agreed, as the agreeing member said. */
export interface Agreement {
  meetingId?: string | null;
  roundId?: string | null;
}

export type LinkedDecision = DecisionEntity & { links?: DecisionLink[] };

interface LinkInput {
  milestoneId?: string | null;
  roundItemId?: string | null;
  roundItemIds?: string[];
  annotationIds?: string[];
  sourceIds?: string[];
  sections?: DecisionSectionInput[];
  supersedesId?: string | null;
}

const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))];

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
    private readonly documents: DocumentsService,
  ) {}

  forWorkspace(workspaceId: string): Promise<DecisionEntity[]> {
    return this.list({ workspaceId });
  }

  findById(id: string): Promise<DecisionEntity | null> {
    return this.db.getRepository(DecisionEntity).findOne({ where: { id } });
  }

  /** The log, oldest first, filtered: status, milestone, meeting agreed at, agreed between, and text or number. */
  list(filter: DecisionFilter): Promise<DecisionEntity[]> {
    return this.filtered(filter).orderBy('d.number', 'ASC').getMany();
  }

  /**
   * One page of the log, newest first (a log read over years starts from what was decided last), filtered
   * as list(), with its links. The keyset is (number, id): number is unique in a workspace, id only breaks
   * ties the constraint already rules out. totalCount counts the whole filtered log.
   */
  async page(filter: DecisionFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<LinkedDecision>> {
    const size = pageSize(first);
    const key = decodeCursor(after, isInteger);
    const q = this.filtered(filter);
    const count = this.filtered(filter).select('count(*)::int', 'n').getRawOne<{ n: number }>();
    // Parameter names of their own: the filter already uses :n and :after.
    if (key) q.andWhere('(d.number, d.id) < (:cursorNumber, :cursorId)', { cursorNumber: key[0], cursorId: key[1] });
    const [rows, total] = await Promise.all([q.orderBy('d.number', 'DESC').addOrderBy('d.id', 'DESC').limit(size + 1).getMany(), count]);
    const page = toPage(rows, size, total?.n ?? 0, (d) => [d.number, d.id]);
    return { ...page, items: await this.withLinks(page.items) };
  }

  /** Decisions by id (another decision's supersedes/supersededBy), one per id or null. */
  async byIds(ids: readonly string[]): Promise<(DecisionEntity | null)[]> {
    const rows = ids.length ? await this.db.getRepository(DecisionEntity).findBy({ id: In([...new Set(ids)]) }) : [];
    return oneEach(ids, rows, (d) => d.id);
  }

  private filtered(filter: DecisionFilter) {
    const q = this.db.getRepository(DecisionEntity).createQueryBuilder('d').where('d.workspace_id = :w', { w: filter.workspaceId });
    if (filter.status) q.andWhere('d.status = :status', { status: filter.status });
    if (filter.milestoneId) q.andWhere('d.milestone_id = :m', { m: filter.milestoneId });
    if (filter.meetingId) q.andWhere('d.agreed_meeting_id = :meeting', { meeting: filter.meetingId });
    if (filter.agreedAfter) q.andWhere('d.agreed_at >= :after', { after: filter.agreedAfter });
    if (filter.agreedBefore) q.andWhere('d.agreed_at < :before', { before: filter.agreedBefore });
    const search = filter.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const ref = /^(?:d-?)?0*(\d{1,9})$/i.exec(search);
      q.andWhere(`(d.title ILIKE :like OR d.statement ILIKE :like OR d.rationale ILIKE :like${ref ? ' OR d.number = :n' : ''})`, { like, n: ref ? Number(ref[1]) : undefined });
    }
    return q;
  }

  /**
   * A PROPOSED decision with the next number of its workspace (in the caller's transaction). The
   * workspace row is locked for the numbering, so concurrent proposals get consecutive numbers.
   */
  async propose(tx: EntityManager, d: NewDecision): Promise<DecisionEntity> {
    const saved = await this.insert(tx, d);
    await this.activity.emit(tx, { workspaceId: d.workspaceId, kind: ActivityKind.DECISION_PROPOSED, actorId: d.actorUserId ?? null, targetId: saved.id, label: `${decisionRef(saved.number)} proposed: ${saved.title}` });
    return saved;
  }

  async proposeByMember(actor: MemberEntity, input: ProposeDecisionInput): Promise<DecisionEntity> {
    const links = await this.checkLinks(actor.workspaceId, input);
    if (input.supersedesId) await this.replaceable(this.db.manager, actor.workspaceId, input.supersedesId, 'input.supersedesId');
    return this.db.transaction((tx) => this.propose(tx, { ...this.fromInput(actor, input, links), supersedesId: input.supersedesId ?? null }));
  }

  /** Changes a PROPOSED decision. An agreed or superseded one is never edited: CONFLICT. */
  async update(actor: MemberEntity, input: UpdateDecisionInput): Promise<DecisionEntity> {
    const links = await this.checkLinks(actor.workspaceId, input);
    return this.db.transaction(async (tx) => {
      const d = await this.locked(tx, actor.workspaceId, input.id);
      if (d.status !== DecisionStatus.PROPOSED) throw immutable(d);
      if (input.title !== undefined) d.title = input.title;
      if (input.statement !== undefined) d.statement = input.statement;
      if (input.rationale !== undefined) d.rationale = input.rationale;
      if (input.milestoneId !== undefined) d.milestoneId = input.milestoneId;
      if (input.roundItemIds !== undefined) {
        d.roundItemIds = unique([d.roundItemId, ...input.roundItemIds]);
      }
      if (input.annotationIds !== undefined) d.annotationIds = links.annotationIds;
      if (input.sourceIds !== undefined) d.sourceIds = links.sourceIds;
      if (input.sections !== undefined) d.sections = links.sections;
      return tx.getRepository(DecisionEntity).save(d);
    });
  }

  /**
   * PROPOSED → AGREED, at a meeting or by a closed round (else recorded by the lead). A proposal that
   * supersedes an agreed decision retires it in the same transaction. A superseded decision, or one
   * already agreed, cannot be agreed: CONFLICT.
   */
  async agree(actor: MemberEntity, id: string, via: Agreement = {}): Promise<DecisionEntity> {
    const where = await this.checkAgreement(actor.workspaceId, via);
    return this.db.transaction(async (tx) => {
      const d = await this.locked(tx, actor.workspaceId, id);
      if (d.status !== DecisionStatus.PROPOSED) throw conflict(`This decision is ${d.status.toLowerCase()}: only a proposed decision can be agreed`, { reason: d.status });
      const old = d.supersedesId ? await this.replaceable(tx, actor.workspaceId, d.supersedesId, 'id', true) : null;
      const agreement = where.via ? where : await this.agreementFromRound(tx, d);
      Object.assign(d, { status: DecisionStatus.AGREED, agreedAt: new Date(), agreedVia: agreement.via, agreedMeetingId: agreement.meetingId, agreedRoundId: agreement.roundId });
      await tx.getRepository(DecisionEntity).save(d);
      if (old) await this.retire(tx, actor, old, d);
      await this.audit.record({ workspaceId: d.workspaceId, actorId: actor.userId, action: 'decision.agreed', targetId: d.id, data: { ref: decisionRef(d.number), via: agreement.via } }, tx);
      await this.emitAgreed(tx, actor, d, agreement.label);
      return d;
    });
  }

  /** Replaces an agreed decision: the new one is agreed and the old one SUPERSEDED, together. */
  async supersede(actor: MemberEntity, id: string, input: ProposeDecisionInput, via: Agreement = {}): Promise<DecisionEntity> {
    if (input.workspaceId !== actor.workspaceId) throw badInput('input.workspaceId', 'input.workspaceId: must be the decision’s workspace');
    if (input.supersedesId && input.supersedesId !== id) throw badInput('input.supersedesId', 'input.supersedesId: must be the decision being superseded, or left out');
    const links = await this.checkLinks(actor.workspaceId, { ...input, supersedesId: undefined });
    const where = await this.checkAgreement(actor.workspaceId, via);
    return this.db.transaction(async (tx) => {
      const old = await this.replaceable(tx, actor.workspaceId, id, 'id', true);
      const next = await this.insert(tx, { ...this.fromInput(actor, input, links), supersedesId: old.id });
      const agreement = where.via ? where : { via: AgreedVia.LEAD, meetingId: null, roundId: null, label: '' };
      Object.assign(next, { status: DecisionStatus.AGREED, agreedAt: new Date(), agreedVia: agreement.via, agreedMeetingId: agreement.meetingId, agreedRoundId: agreement.roundId });
      await tx.getRepository(DecisionEntity).save(next);
      await this.retire(tx, actor, old, next);
      await this.emitAgreed(tx, actor, next, agreement.label);
      return next;
    });
  }

  /** The log as CSV or Markdown, filtered as `list`. */
  /** An export of the decision log, for the audit log. */
  recordExport(reader: MemberEntity, format: 'CSV' | 'MARKDOWN'): Promise<void> {
    return this.audit.record({ workspaceId: reader.workspaceId, actorId: reader.userId, action: 'decisionLog.exported', targetId: reader.workspaceId, data: { format } });
  }

  async export(filter: DecisionFilter, format: 'CSV' | 'MARKDOWN'): Promise<string> {
    const rows = await this.describe(await this.list(filter));
    if (format === 'CSV') {
      return toCsv([
        ['Ref', 'Status', 'Title', 'Statement', 'Rationale', 'Agreed on', 'Agreed', 'Milestone', 'Supersedes', 'Superseded by', 'Result', 'Links'],
        ...rows.map((r) => [r.ref, r.status, r.title, r.statement, r.rationale, r.agreedOn, r.agreedWhere, r.milestone, r.supersedes, r.supersededBy, r.result, r.links.join('; ')]),
      ]);
    }
    const workspace: { name: string }[] = await this.db.query('SELECT name FROM workspaces WHERE id = $1', [filter.workspaceId]);
    const md = [`# Decision log: ${mdText(workspace[0]?.name ?? '')}`, '', `${rows.length} ${rows.length === 1 ? 'decision' : 'decisions'}.`, ''];
    for (const r of rows) {
      md.push(`## ${r.ref}: ${mdText(r.title)}`, '', `**Status:** ${r.status}${r.agreedOn ? `, ${mdText(r.agreedWhere.charAt(0).toLowerCase() + r.agreedWhere.slice(1))} on ${r.agreedOn}` : ''}`, '');
      md.push(`**Statement:** ${mdText(r.statement)}`, '');
      if (r.rationale) md.push(`**Rationale:** ${mdText(r.rationale)}`, '');
      if (r.result) md.push(`**Result:** ${mdText(r.result)}`, '');
      if (r.milestone) md.push(`**Milestone:** ${mdText(r.milestone)}`, '');
      if (r.supersedes) md.push(`**Supersedes:** ${r.supersedes}`, '');
      if (r.supersededBy) md.push(`**Superseded by:** ${r.supersededBy}`, '');
      if (r.links.length) md.push('**Rests on:**', '', ...r.links.map((l) => `- ${mdText(l)}`), '');
    }
    return md.join('\n');
  }

  /**
   * Each decision's links with a label to show, loaded for the whole list in one query per kind.
   * A linked object deleted since keeps its place with a label that says so.
   */
  async withLinks(decisions: DecisionEntity[]): Promise<(DecisionEntity & { links: DecisionLink[] })[]> {
    const all = (pick: (d: DecisionEntity) => string[]) => unique(decisions.flatMap(pick));
    const [items, annotations, sources, milestones] = await Promise.all([
      this.labels(
        `SELECT i.id, r.title AS round, c.statement AS text FROM round_items i JOIN consensus_rounds r ON r.id = i.round_id JOIN criteria c ON c.id = i.criterion_id WHERE i.id = ANY($1::uuid[])`,
        all((d) => d.roundItemIds),
        (r) => `Round “${r.round}”: ${shorten(r.text)}`,
      ),
      this.labels(`SELECT id, kind, quote AS text FROM annotations WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, all((d) => d.annotationIds), (r) => `${annotationWords(r.kind)} on “${shorten(r.text, 60)}”`),
      this.labels(`SELECT id, title AS text FROM sources WHERE id = ANY($1::uuid[])`, all((d) => d.sourceIds), (r) => r.text),
      this.labels(`SELECT id, title AS text FROM milestones WHERE id = ANY($1::uuid[])`, all((d) => (d.milestoneId ? [d.milestoneId] : [])), (r) => r.text),
    ]);
    const link = (kind: DecisionLinkKind, id: string, labels: Map<string, string>, gone: string): DecisionLink => ({ kind, id, label: labels.get(id) ?? gone, documentId: null });
    return decisions.map((d) =>
      Object.assign(d, {
        links: [
          ...(d.milestoneId ? [link(DecisionLinkKind.MILESTONE, d.milestoneId, milestones, '(a deleted milestone)')] : []),
          ...d.roundItemIds.map((id) => link(DecisionLinkKind.ROUND_RESULT, id, items, '(a deleted round)')),
          ...d.sections.map((s) => ({ kind: DecisionLinkKind.SECTION, id: s.sectionId, label: s.title, documentId: s.documentId })),
          ...d.annotationIds.map((id) => link(DecisionLinkKind.ANNOTATION, id, annotations, '(a deleted annotation)')),
          ...d.sourceIds.map((id) => link(DecisionLinkKind.SOURCE, id, sources, '(a deleted source)')),
        ],
      }),
    );
  }

  // ——— internals ———

  private async insert(tx: EntityManager, d: NewDecision): Promise<DecisionEntity> {
    await tx.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [d.workspaceId]);
    const next = ((await tx.query('SELECT coalesce(max(number), 0)::int AS n FROM decisions WHERE workspace_id = $1', [d.workspaceId]))[0].n as number) + 1;
    return tx.getRepository(DecisionEntity).save({
      workspaceId: d.workspaceId,
      number: next,
      title: d.title.slice(0, 200),
      statement: d.statement,
      rationale: d.rationale,
      status: DecisionStatus.PROPOSED,
      roundItemId: d.roundItemId ?? d.roundItemIds?.[0] ?? null,
      roundItemIds: unique([d.roundItemId, ...(d.roundItemIds ?? [])]),
      annotationIds: d.annotationIds ?? [],
      sourceIds: d.sourceIds ?? [],
      sections: d.sections ?? [],
      milestoneId: d.milestoneId ?? null,
      resultSummary: d.resultSummary ?? null,
      createdBy: d.createdBy,
      agreedAt: null,
      agreedVia: null,
      agreedMeetingId: null,
      agreedRoundId: null,
      supersedesId: d.supersedesId ?? null,
      supersededById: null,
    });
  }

  private fromInput(actor: MemberEntity, input: ProposeDecisionInput, links: { sections: DecisionSection[] }): NewDecision {
    return {
      workspaceId: actor.workspaceId,
      title: input.title,
      statement: input.statement,
      rationale: input.rationale,
      milestoneId: input.milestoneId,
      roundItemId: input.roundItemId,
      roundItemIds: input.roundItemIds,
      annotationIds: unique(input.annotationIds ?? []),
      sourceIds: unique(input.sourceIds ?? []),
      sections: links.sections,
      createdBy: actor.id,
      actorUserId: actor.userId,
    };
  }

  private async locked(tx: EntityManager, workspaceId: string, id: string): Promise<DecisionEntity> {
    const d = await tx.getRepository(DecisionEntity).findOne({ where: { id, workspaceId }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw notFound('Decision not found');
    return d;
  }

  /** The agreed decision a new one may replace (locked when `lock`): a superseded one is final. */
  private async replaceable(tx: EntityManager, workspaceId: string, id: string, field: string, lock = false): Promise<DecisionEntity> {
    const d = await tx.getRepository(DecisionEntity).findOne({ where: { id, workspaceId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!d) {
      if (field === 'id') throw notFound('Decision not found');
      throw badInput(field, `${field}: no such decision in this workspace`);
    }
    if (d.status !== DecisionStatus.AGREED) {
      throw conflict(d.status === DecisionStatus.SUPERSEDED ? `${decisionRef(d.number)} has already been superseded` : `${decisionRef(d.number)} is only proposed: only an agreed decision can be superseded`, { reason: d.status });
    }
    return d;
  }

  private async retire(tx: EntityManager, actor: MemberEntity, old: DecisionEntity, by: DecisionEntity) {
    old.status = DecisionStatus.SUPERSEDED;
    old.supersededById = by.id;
    await tx.getRepository(DecisionEntity).save(old);
    await this.audit.record({ workspaceId: old.workspaceId, actorId: actor.userId, action: 'decision.superseded', targetId: old.id, data: { ref: decisionRef(old.number), by: decisionRef(by.number) } }, tx);
    await this.activity.emit(tx, { workspaceId: old.workspaceId, kind: ActivityKind.DECISION_SUPERSEDED, actorId: actor.userId, targetId: old.id, label: `${decisionRef(old.number)} superseded by ${decisionRef(by.number)}: ${by.title}` });
  }

  private emitAgreed(tx: EntityManager, actor: MemberEntity, d: DecisionEntity, where: string) {
    return this.activity.emit(tx, {
      workspaceId: d.workspaceId,
      kind: ActivityKind.DECISION_AGREED,
      actorId: actor.userId,
      targetId: d.id,
      label: `${decisionRef(d.number)} agreed${where}: ${d.title}`,
      concerns: [d.agreedMeetingId, d.agreedRoundId, d.milestoneId],
    });
  }

  /** The meeting or closed round named when agreeing, checked against the workspace. */
  private async checkAgreement(workspaceId: string, via: Agreement): Promise<{ via: AgreedVia | null; meetingId: string | null; roundId: string | null; label: string }> {
    if (via.meetingId && via.roundId) throw badInput('roundId', 'roundId: name the meeting or the round that agreed it, not both');
    if (via.meetingId) {
      const m: { title: string }[] = await this.db.query('SELECT title FROM meetings WHERE id = $1 AND workspace_id = $2', [via.meetingId, workspaceId]);
      if (!m.length) throw badInput('meetingId', 'meetingId: no such meeting in this workspace');
      return { via: AgreedVia.MEETING, meetingId: via.meetingId, roundId: null, label: ` at “${m[0].title}”` };
    }
    if (via.roundId) {
      const r: { title: string; status: string }[] = await this.db.query('SELECT title, status FROM consensus_rounds WHERE id = $1 AND workspace_id = $2', [via.roundId, workspaceId]);
      if (!r.length) throw badInput('roundId', 'roundId: no such consensus round in this workspace');
      if (r[0].status !== 'CLOSED') throw conflict('A round agrees a decision once it has closed', { reason: 'ROUND_NOT_CLOSED' });
      return { via: AgreedVia.ROUND, meetingId: null, roundId: via.roundId, label: ` by round “${r[0].title}”` };
    }
    return { via: null, meetingId: null, roundId: null, label: '' };
  }

  /** A decision drafted by a round is agreed by that round once it has closed; any other by the lead. */
  private async agreementFromRound(tx: EntityManager, d: DecisionEntity) {
    const r: { id: string; title: string }[] = d.roundItemId
      ? await tx.query(`SELECT r.id, r.title FROM round_items i JOIN consensus_rounds r ON r.id = i.round_id WHERE i.id = $1 AND r.status = 'CLOSED'`, [d.roundItemId])
      : [];
    return r.length ? { via: AgreedVia.ROUND, meetingId: null, roundId: r[0].id, label: ` by round “${r[0].title}”` } : { via: AgreedVia.LEAD, meetingId: null, roundId: null, label: '' };
  }

  /** Every link must point at an object of the same workspace; sections at headings the document has now. */
  private async checkLinks(workspaceId: string, input: LinkInput): Promise<{ annotationIds: string[]; sourceIds: string[]; sections: DecisionSection[] }> {
    const inWorkspace = async (table: string, ids: string[], field: string, what: string, extra = '') => {
      if (!ids.length) return;
      const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[]) AND workspace_id = $2${extra}`, [ids, workspaceId]);
      if (rows[0].n !== ids.length) throw badInput(field, `${field}: ${ids.length === 1 ? `no such ${what}` : `not all are ${what}s`} in this workspace`);
    };
    await inWorkspace('milestones', unique([input.milestoneId]), 'input.milestoneId', 'milestone');
    await inWorkspace('round_items', unique([input.roundItemId]), 'input.roundItemId', 'round item');
    await inWorkspace('round_items', unique(input.roundItemIds ?? []), 'input.roundItemIds', 'round item');
    await inWorkspace('annotations', unique(input.annotationIds ?? []), 'input.annotationIds', 'annotation', ' AND deleted_at IS NULL');
    await inWorkspace('sources', unique(input.sourceIds ?? []), 'input.sourceIds', 'source');
    const sections: DecisionSection[] = [];
    for (const docId of unique((input.sections ?? []).map((s) => s.documentId))) {
      await inWorkspace('documents', [docId], 'input.sections', 'document');
      const headings = new Map((await this.documents.read({ documentId: docId })).sections.map((s) => [s.id, s.title]));
      for (const s of (input.sections ?? []).filter((x) => x.documentId === docId)) {
        const title = headings.get(s.sectionId);
        if (title === undefined) throw badInput('input.sections', `input.sections: the document has no heading “${s.sectionId}”`);
        if (!sections.some((x) => x.documentId === docId && x.sectionId === s.sectionId)) sections.push({ documentId: docId, sectionId: s.sectionId, title });
      }
    }
    return { annotationIds: unique(input.annotationIds ?? []), sourceIds: unique(input.sourceIds ?? []), sections };
  }

  private async labels(sql: string, ids: string[], label: (r: Record<string, string>) => string): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Record<string, string>[] = await this.db.query(sql, [ids]);
    return new Map(rows.map((r) => [r.id, label(r)]));
  }

  /** The export's rows, with meeting, round and decision references in words. */
  private async describe(decisions: DecisionEntity[]) {
    const linked = await this.withLinks(decisions);
    const ids = (pick: (d: DecisionEntity) => string | null) => unique(decisions.map(pick));
    const [meetings, rounds] = await Promise.all([
      this.labels('SELECT id, title AS text FROM meetings WHERE id = ANY($1::uuid[])', ids((d) => d.agreedMeetingId), (r) => r.text),
      this.labels('SELECT id, title AS text FROM consensus_rounds WHERE id = ANY($1::uuid[])', ids((d) => d.agreedRoundId), (r) => r.text),
    ]);
    const chain: { id: string; number: number }[] = await this.db.query('SELECT id, number FROM decisions WHERE id = ANY($1::uuid[])', [ids((d) => d.supersedesId).concat(ids((d) => d.supersededById))]);
    const refs = new Map<string, string>(chain.map((r) => [r.id, decisionRef(r.number)]));
    return linked.map((d) => ({
      ref: decisionRef(d.number),
      status: d.status,
      title: d.title,
      statement: d.statement,
      rationale: d.rationale,
      agreedOn: d.agreedAt ? londonDate(d.agreedAt) : '',
      agreedWhere:
        d.agreedVia === AgreedVia.MEETING ? `Agreed at “${meetings.get(d.agreedMeetingId ?? '') ?? 'a meeting'}”` : d.agreedVia === AgreedVia.ROUND ? `Agreed by round “${rounds.get(d.agreedRoundId ?? '') ?? 'a round'}”` : d.agreedVia ? 'Agreed by the lead' : '',
      milestone: d.links.find((l) => l.kind === DecisionLinkKind.MILESTONE)?.label ?? '',
      supersedes: d.supersedesId ? (refs.get(d.supersedesId) ?? '') : '',
      supersededBy: d.supersededById ? (refs.get(d.supersededById) ?? '') : '',
      result: d.resultSummary ?? '',
      links: d.links.filter((l) => l.kind !== DecisionLinkKind.MILESTONE).map((l) => `${LINK_WORDS[l.kind]}: ${l.label}`),
    }));
  }
}

const LINK_WORDS: Record<DecisionLinkKind, string> = {
  [DecisionLinkKind.MILESTONE]: 'Milestone',
  [DecisionLinkKind.ROUND_RESULT]: 'Result',
  [DecisionLinkKind.SECTION]: 'Section',
  [DecisionLinkKind.ANNOTATION]: 'Annotation',
  [DecisionLinkKind.SOURCE]: 'Source',
};

function immutable(d: DecisionEntity) {
  return conflict(`${decisionRef(d.number)} is ${d.status.toLowerCase()}: an agreed decision is never edited; propose a new decision that supersedes it`, { reason: d.status });
}

function shorten(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Text kept as text in Markdown: characters that would start markup are escaped. */
function mdText(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function decisionRef(number: number): string {
  return `D-${String(number).padStart(3, '0')}`;
}
