// Annotations on the live draft: anchored with Yjs relative positions, checked against the document
// when made, orphaned when their text is deleted, and suggestions applied to the live document.
import { linearText, resolveAnchor, singleBlockRange } from '@concord/editor-schema';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import * as Y from 'yjs';
import { decodeCursor, Page, pageSize, toPage } from '../../common/cursor';
import { badInput, conflict, forbidden, notFound } from '../../common/domain-error';
import { can } from '../../common/policy';
import { ActivityKind, annotationWords } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { DocumentContentService } from '../documents/document-content.service';
import { NotificationsService } from '../notifications/notifications.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AnnotationEditEntity, AnnotationEntity, AnnotationKind, AnnotationStatus, ChallengeTagEntity, ReplyEntity } from './annotation.entity';
import { AnnotationSectionCount, PAGE_REPLY_CAP } from './annotations.types';
import { AddAnnotationInput, EditTextInput, ReplyArgs } from './dto/add-annotation.input';
import { AnnotationFilterInput } from './dto/annotation-filter.input';

export interface AnnotationChange {
  documentId: string;
  workspaceId: string;
  annotation: AnnotationEntity;
}

/** An annotation with what its fields need, loaded in bulk (no query per row). */
export type LoadedAnnotation = AnnotationEntity & { author?: MemberEntity; replies?: (ReplyEntity & { author?: MemberEntity })[]; replyCount?: number };

/** created_at to the microsecond, in UTC, as the cursor carries it (a JS Date keeps only milliseconds). */
const CURSOR_AT = `to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

@Injectable()
export class AnnotationsService {
  /** Every change, for the `annotationChanged` subscription. */
  readonly changes = new Subject<AnnotationChange>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: DocumentContentService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  /** The document's annotations (not deleted), oldest first; open ones whose text is gone become ORPHANED. */
  async list(documentId: string, status?: AnnotationStatus): Promise<LoadedAnnotation[]> {
    const rows = await this.db.getRepository(AnnotationEntity).find({ where: { documentId, deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    await this.refreshOrphans(documentId, rows);
    const wanted = status ? rows.filter((a) => a.status === status) : rows;
    return this.withAuthorsAndReplies(wanted);
  }

  /**
   * A page of the document's threads, newest first on (created_at, id), with the filter's total. A
   * request costs the same few statements whatever the draft holds: the page, its count, its replies
   * (the latest PAGE_REPLY_CAP per thread, with replyCount) and their authors. Only the page's open
   * threads are checked against the text for orphaning, so a thread may turn ORPHANED as it is shown.
   */
  async page(documentId: string, filter: AnnotationFilterInput = {}, first?: number | null, after?: string | null): Promise<Page<LoadedAnnotation>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, isCursorAt);
    const [at, id] = cursor ?? [];
    const qb = this.db.getRepository(AnnotationEntity).createQueryBuilder('a').where('a.document_id = :documentId AND a.deleted_at IS NULL', { documentId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.sectionId === '') qb.andWhere('a.section_id IS NULL');
    else if (filter.sectionId) qb.andWhere('a.section_id = :sectionId', { sectionId: filter.sectionId });
    if (filter.authorId) qb.andWhere('a.author_id = :authorId', { authorId: filter.authorId });
    if (filter.sector) qb.andWhere('a.author_id IN (SELECT m.id FROM members m WHERE m.workspace_id = a.workspace_id AND m.sector = :sector)', { sector: filter.sector });
    if (filter.tag) qb.andWhere(':tag = ANY(a.tags)', { tag: filter.tag });
    const count = qb.clone().select('count(*)::int', 'n');
    if (cursor) qb.andWhere(`(a.created_at, a.id) < ((CAST(:at AS timestamp) AT TIME ZONE 'UTC'), CAST(:id AS uuid))`, { at, id });
    const [{ entities, raw }, counted] = await Promise.all([
      qb.addSelect(CURSOR_AT, 'cursor_at').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(size + 1).getRawAndEntities<{ cursor_at: string }>(),
      count.getRawOne<{ n: number }>(),
    ]);
    const keys = new Map(entities.map((a, i) => [a.id, raw[i].cursor_at]));
    const totalCount = counted?.n ?? 0;
    const shown = entities.slice(0, size);
    await this.refreshOrphans(documentId, shown);
    const loaded = await this.withAuthorsAndReplies(shown, PAGE_REPLY_CAP);
    return toPage([...loaded, ...entities.slice(size)], size, totalCount, (a) => [keys.get(a.id) ?? null, a.id]);
  }

  /** Open annotations per heading, counted by the database (the outline's badges). */
  async openCounts(documentId: string): Promise<AnnotationSectionCount[]> {
    const rows: { section_id: string | null; open: number }[] = await this.db.query(
      `SELECT section_id, count(*)::int AS open FROM annotations WHERE document_id = $1 AND status = 'OPEN' AND deleted_at IS NULL GROUP BY section_id`,
      [documentId],
    );
    return rows.map((r) => ({ sectionId: r.section_id, open: r.open }));
  }

  async get(id: string): Promise<LoadedAnnotation> {
    const a = await this.db.getRepository(AnnotationEntity).findOne({ where: { id, deletedAt: IsNull() } });
    if (!a) throw notFound('Annotation not found');
    return (await this.withAuthorsAndReplies([a]))[0];
  }

  tags(workspaceId: string): Promise<ChallengeTagEntity[]> {
    return this.db.getRepository(ChallengeTagEntity).find({ where: { workspaceId }, order: { position: 'ASC', label: 'ASC' } });
  }

  async add(actor: MemberEntity, input: AddAnnotationInput): Promise<LoadedAnnotation> {
    if (input.kind === AnnotationKind.SUGGESTION && !input.suggestion) throw badInput('input.suggestion', 'input.suggestion: a suggested edit needs its replacement text');
    if (input.kind !== AnnotationKind.SUGGESTION && input.suggestion) throw badInput('input.suggestion', 'input.suggestion: only a SUGGESTION carries replacement text');
    if (input.kind === AnnotationKind.EVIDENCE && !input.evidenceUrl && !input.findingId && !input.caseStudyId) throw badInput('input.evidenceUrl', 'input.evidenceUrl: evidence needs a link, a finding or a case study');
    if (input.kind !== AnnotationKind.EVIDENCE && (input.findingId || input.caseStudyId)) throw badInput(input.findingId ? 'input.findingId' : 'input.caseStudyId', 'only EVIDENCE cites a finding or a case study');
    // Links must stay inside the workspace (evidence and case-studies modules own these tables).
    if (input.findingId && (await this.db.query('SELECT 1 FROM findings WHERE id = $1 AND workspace_id = $2', [input.findingId, actor.workspaceId])).length === 0)
      throw badInput('input.findingId', 'input.findingId: no such finding in this workspace');
    if (input.caseStudyId && (await this.db.query('SELECT 1 FROM case_study_submissions WHERE id = $1 AND workspace_id = $2', [input.caseStudyId, actor.workspaceId])).length === 0)
      throw badInput('input.caseStudyId', 'input.caseStudyId: no such case study in this workspace');
    const tags = await this.checkTags(actor.workspaceId, input.tags ?? []);
    const mentioned = await this.checkMentions(actor.workspaceId, input.mentions ?? [], 'input.mentions');

    const resolved = await this.content.read(input.documentId, (doc) => resolveAnchor(doc, input.anchor));
    if (!resolved || resolved.start === resolved.end) throw badInput('input.anchor', 'input.anchor: does not point at text in the document');
    if (resolved.text !== input.quote) throw badInput('input.quote', 'input.quote: is not the text at the anchor');

    const saved = await this.db.transaction(async (tx) => {
      const a = await tx.getRepository(AnnotationEntity).save({
        workspaceId: actor.workspaceId,
        documentId: input.documentId,
        kind: input.kind,
        status: AnnotationStatus.OPEN,
        anchor: input.anchor,
        quote: input.quote,
        sectionId: resolved.sectionId,
        sectionTitle: resolved.sectionTitle,
        body: input.body,
        suggestion: input.suggestion ?? null,
        evidenceUrl: input.evidenceUrl ?? null,
        findingId: input.findingId ?? null,
        caseStudyId: input.caseStudyId ?? null,
        tags,
        authorId: actor.id,
        edited: false,
        decidedBy: null,
        deletedAt: null,
      });
      await this.notifyMentions(tx, actor, mentioned, a, 'mentioned you in a comment');
      await this.activity.emit(tx, { workspaceId: a.workspaceId, kind: ActivityKind.ANNOTATION_ADDED, actorId: actor.userId, targetId: a.id, label: `${annotationWords(a.kind)} on “${a.sectionTitle || 'the draft'}”` });
      return a;
    });
    return this.emit(saved);
  }

  async reply(actor: MemberEntity, args: ReplyArgs): Promise<ReplyEntity & { author?: MemberEntity }> {
    const annotation = await this.get(args.annotationId);
    const mentioned = await this.checkMentions(actor.workspaceId, args.mentions ?? [], 'mentions');
    const reply = await this.db.transaction(async (tx) => {
      const r = await tx.getRepository(ReplyEntity).save({ annotationId: annotation.id, workspaceId: actor.workspaceId, body: args.body, authorId: actor.id, edited: false, deletedAt: null });
      await this.notifyMentions(tx, actor, mentioned, annotation, 'mentioned you in a reply');
      return r;
    });
    await this.emit(annotation);
    return Object.assign(reply, { author: await this.member(actor.id) });
  }

  /** OPEN (or ORPHANED) → RESOLVED: the author, or anyone whose role resolves any annotation. */
  resolve(actor: MemberEntity, id: string) {
    return this.transition(actor, id, [AnnotationStatus.OPEN, AnnotationStatus.ORPHANED], AnnotationStatus.RESOLVED, (a) => a.authorId === actor.id || can(actor.role, 'annotation.resolveAny'));
  }

  reopen(actor: MemberEntity, id: string) {
    return this.transition(actor, id, [AnnotationStatus.RESOLVED], AnnotationStatus.OPEN, (a) => a.authorId === actor.id || can(actor.role, 'annotation.resolveAny'));
  }

  reject(actor: MemberEntity, id: string) {
    return this.transition(actor, id, [AnnotationStatus.OPEN], AnnotationStatus.REJECTED, () => can(actor.role, 'annotation.decideSuggestion'), AnnotationKind.SUGGESTION);
  }

  /**
   * Replaces the anchored text with the suggestion in the live document and marks the suggestion
   * ACCEPTED. The row is locked throughout, so two accepts cannot both apply; if the text at the
   * anchor is no longer the quote, nothing changes and the answer is CONFLICT.
   */
  async accept(actor: MemberEntity, id: string): Promise<LoadedAnnotation> {
    if (!can(actor.role, 'annotation.decideSuggestion')) throw forbidden('Only editors and leads accept suggestions');
    const accepted = await this.db.transaction(async (tx) => {
      const a = await this.locked(tx, id);
      if (a.kind !== AnnotationKind.SUGGESTION) throw conflict('Only a suggestion can be accepted', { reason: 'NOT_A_SUGGESTION' });
      if (a.status !== AnnotationStatus.OPEN) throw conflict(`This suggestion is ${a.status.toLowerCase()}`, { reason: a.status });
      await this.content.change(a.documentId, (doc) => {
        const linear = linearText(doc);
        const at = resolveAnchor(doc, a.anchor, linear);
        if (!at || at.text !== a.quote) throw conflict('The text has changed since this suggestion was made', { reason: 'STALE_QUOTE' });
        const range = singleBlockRange(linear, at.start, at.end);
        if (!range) throw conflict('A suggestion that spans several paragraphs cannot be applied automatically', { reason: 'SPANS_BLOCKS' });
        const attributes = attributesAt(range.type, range.index);
        doc.transact(() => {
          range.type.delete(range.index, range.length);
          range.type.insert(range.index, a.suggestion ?? '', attributes);
        });
      });
      a.status = AnnotationStatus.ACCEPTED;
      a.decidedBy = actor.id;
      await tx.getRepository(AnnotationEntity).save(a);
      await this.audit.record({ workspaceId: a.workspaceId, actorId: actor.userId, action: 'suggestion.accepted', targetId: a.id, data: { quote: a.quote.slice(0, 200) } }, tx);
      return a;
    });
    return this.emit(accepted);
  }

  async editAnnotation(actor: MemberEntity, input: EditTextInput): Promise<LoadedAnnotation> {
    const edited = await this.db.transaction(async (tx) => {
      const a = await this.locked(tx, input.id);
      if (a.authorId !== actor.id) throw forbidden('Only the author can change this text');
      if (a.body === input.body) return a;
      await tx.getRepository(AnnotationEditEntity).insert({ targetId: a.id, previousBody: a.body });
      a.body = input.body;
      a.edited = true;
      return tx.getRepository(AnnotationEntity).save(a);
    });
    return this.emit(edited);
  }

  async editReply(actor: MemberEntity, input: EditTextInput): Promise<ReplyEntity & { author?: MemberEntity }> {
    const reply = await this.db.transaction(async (tx) => {
      const r = await tx.getRepository(ReplyEntity).findOne({ where: { id: input.id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw notFound('Reply not found');
      if (r.authorId !== actor.id) throw forbidden('Only the author can change this text');
      if (r.body === input.body) return r;
      await tx.getRepository(AnnotationEditEntity).insert({ targetId: r.id, previousBody: r.body });
      r.body = input.body;
      r.edited = true;
      return tx.getRepository(ReplyEntity).save(r);
    });
    await this.emit(await this.get(reply.annotationId));
    return Object.assign(reply, { author: await this.member(reply.authorId) });
  }

  /** A soft delete, recorded in the audit log: by the author, or by a lead. */
  async remove(actor: MemberEntity, id: string): Promise<boolean> {
    const removed = await this.db.transaction(async (tx) => {
      const a = await this.locked(tx, id);
      if (a.authorId !== actor.id && !can(actor.role, 'annotation.moderate')) throw forbidden('Only the author or a lead can delete this');
      a.deletedAt = new Date();
      await tx.getRepository(AnnotationEntity).save(a);
      await this.audit.record({ workspaceId: a.workspaceId, actorId: actor.userId, action: 'annotation.deleted', targetId: a.id, data: { kind: a.kind } }, tx);
      return a;
    });
    this.changes.next({ documentId: removed.documentId, workspaceId: removed.workspaceId, annotation: (await this.withAuthorsAndReplies([removed]))[0] });
    return true;
  }

  async mayRead(userId: string, workspaceId: string): Promise<boolean> {
    const rows: { role: MemberEntity['role'] }[] = await this.db.query('SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return can(rows[0]?.role, 'annotation.read');
  }

  /** The edit history of an annotation or reply, oldest first. */
  history(targetId: string): Promise<AnnotationEditEntity[]> {
    return this.db.getRepository(AnnotationEditEntity).find({ where: { targetId }, order: { editedAt: 'ASC' } });
  }

  private async transition(actor: MemberEntity, id: string, from: AnnotationStatus[], to: AnnotationStatus, allowed: (a: AnnotationEntity) => boolean, kind?: AnnotationKind): Promise<LoadedAnnotation> {
    const changed = await this.db.transaction(async (tx) => {
      const a = await this.locked(tx, id);
      if (!allowed(a)) throw forbidden();
      if (kind && a.kind !== kind) throw conflict(`Only a ${kind.toLowerCase()} can be ${to.toLowerCase()}`, { reason: 'WRONG_KIND' });
      if (!from.includes(a.status)) throw conflict(`An annotation that is ${a.status.toLowerCase()} cannot become ${to.toLowerCase()}`, { reason: a.status });
      a.status = to;
      a.decidedBy = actor.id;
      return tx.getRepository(AnnotationEntity).save(a);
    });
    return this.emit(changed);
  }

  private async locked(tx: EntityManager, id: string): Promise<AnnotationEntity> {
    const a = await tx.getRepository(AnnotationEntity).findOne({ where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound('Annotation not found');
    return a;
  }

  private async emit(a: AnnotationEntity): Promise<LoadedAnnotation> {
    const loaded = (await this.withAuthorsAndReplies([a]))[0];
    this.changes.next({ documentId: a.documentId, workspaceId: a.workspaceId, annotation: loaded });
    return loaded;
  }

  /** Open annotations whose anchored text has been deleted become ORPHANED, keeping their quote. */
  private async refreshOrphans(documentId: string, rows: AnnotationEntity[]) {
    const open = rows.filter((a) => a.status === AnnotationStatus.OPEN);
    if (open.length === 0) return;
    const orphaned = await this.content.read(documentId, (doc) => {
      const linear = linearText(doc);
      return open.filter((a) => {
        const r = resolveAnchor(doc, a.anchor, linear);
        return !r || r.start === r.end;
      });
    });
    if (orphaned.length === 0) return;
    await this.db.getRepository(AnnotationEntity).update({ id: In(orphaned.map((a) => a.id)), status: AnnotationStatus.OPEN }, { status: AnnotationStatus.ORPHANED });
    for (const a of orphaned) {
      a.status = AnnotationStatus.ORPHANED;
      this.changes.next({ documentId: a.documentId, workspaceId: a.workspaceId, annotation: a });
    }
  }

  /**
   * Authors and replies for many annotations in two statements. With `replyCap`, only each thread's
   * latest `replyCap` replies (still oldest first) and replyCount, so a page's size is bounded too.
   */
  private async withAuthorsAndReplies(rows: AnnotationEntity[], replyCap?: number): Promise<LoadedAnnotation[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((a) => a.id);
    const counts = new Map<string, number>();
    let replies: ReplyEntity[];
    if (replyCap === undefined) {
      replies = await this.db.getRepository(ReplyEntity).find({ where: { annotationId: In(ids), deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    } else {
      const raw: { id: string; annotation_id: string; workspace_id: string; body: string; author_id: string; created_at: Date; edited: boolean; total: number }[] = await this.db.query(
        `SELECT id, annotation_id, workspace_id, body, author_id, created_at, edited, total FROM (
           SELECT r.*, count(*) OVER w AS total, row_number() OVER (w ORDER BY r.created_at DESC, r.id DESC) AS latest
           FROM annotation_replies r WHERE r.annotation_id = ANY($1::uuid[]) AND r.deleted_at IS NULL
           WINDOW w AS (PARTITION BY r.annotation_id)
         ) x WHERE latest <= $2 ORDER BY created_at ASC, id ASC`,
        [ids, replyCap],
      );
      replies = raw.map((r) => {
        counts.set(r.annotation_id, Number(r.total));
        return this.db.getRepository(ReplyEntity).create({ id: r.id, annotationId: r.annotation_id, workspaceId: r.workspace_id, body: r.body, authorId: r.author_id, createdAt: r.created_at, edited: r.edited, deletedAt: null });
      });
    }
    const memberIds = [...new Set([...rows.map((a) => a.authorId), ...replies.map((r) => r.authorId)])];
    const members = new Map((await this.db.getRepository(MemberEntity).find({ where: { id: In(memberIds) }, relations: { user: true } })).map((m) => [m.id, m]));
    // grouped once: filtering every reply for every annotation was quadratic (10,000 × 20,000 on a large draft)
    const byAnnotation = new Map<string, NonNullable<LoadedAnnotation['replies']>>();
    for (const r of replies) {
      const list = byAnnotation.get(r.annotationId) ?? [];
      list.push(Object.assign(r, { author: members.get(r.authorId) }));
      byAnnotation.set(r.annotationId, list);
    }
    return rows.map((a) => {
      const own = byAnnotation.get(a.id) ?? [];
      return Object.assign(a, { author: members.get(a.authorId), replies: own, replyCount: counts.get(a.id) ?? own.length });
    });
  }

  private member(id: string) {
    return this.db.getRepository(MemberEntity).findOneOrFail({ where: { id }, relations: { user: true } });
  }

  private async checkTags(workspaceId: string, tags: string[]): Promise<string[]> {
    const unique = [...new Set(tags.map((t) => t.trim()))];
    if (unique.length === 0) return [];
    const known = new Set((await this.tags(workspaceId)).map((t) => t.label));
    const unknown = unique.filter((t) => !known.has(t));
    if (unknown.length > 0) throw badInput('input.tags', `input.tags: not a challenge tag of this workspace: ${unknown.join(', ')}`);
    return unique;
  }

  private async checkMentions(workspaceId: string, ids: string[], field: string): Promise<MemberEntity[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.db.getRepository(MemberEntity).find({ where: { workspaceId, id: In(unique) } });
    if (found.length !== unique.length) throw badInput(field, `${field}: mentions someone who is not a member of this workspace`);
    return found;
  }

  private async notifyMentions(tx: EntityManager, actor: MemberEntity, mentioned: MemberEntity[], a: AnnotationEntity, what: string) {
    const name = (await tx.query('SELECT name FROM users WHERE id = $1', [actor.userId]))[0]?.name ?? 'Someone';
    await this.notifications.notify(
      mentioned
        .filter((m) => m.id !== actor.id)
        .map((m) => ({
          userId: m.userId,
          workspaceId: a.workspaceId,
          kind: 'MENTION',
          message: `${name} ${what} on “${a.quote.slice(0, 80)}”`,
          link: `/w/${a.workspaceId}/drafts/${a.documentId}?annotation=${a.id}`,
        })),
      tx,
    );
  }
}

/** A cursor's time as CURSOR_AT writes it (to the microsecond), and a real date: a forged one would reach PostgreSQL. */
function isCursorAt(at: unknown): at is string {
  if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(at)) return false;
  const ms = Date.parse(`${at.slice(0, 23)}Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === at.slice(0, 23);
}

/** The formatting of the character at `index` (or just before it), so a replacement keeps it. */
function attributesAt(type: Y.XmlText, index: number): Record<string, unknown> | undefined {
  let offset = 0;
  for (const d of type.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const len = typeof d.insert === 'string' ? d.insert.length : 1;
    if (index < offset + len) return d.attributes;
    offset += len;
  }
  return undefined;
}
