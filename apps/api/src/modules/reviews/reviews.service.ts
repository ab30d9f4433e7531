// Stakeholder review rounds: a named version shared with invited reviewers until a closing time;
// at close, a summary, the reviewers' comments carried onto the live draft, and triage.
import { anchorFromOffsets, linearText, locateQuote, resolveAnchor } from '@concord/editor-schema';
import { Role } from '@concord/shared';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import * as Y from 'yjs';
import { badInput, conflict, forbidden, notFound } from '../../common/domain-error';
import { LOGGER } from '../../common/logger';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { can } from '../../common/policy';
import { AnnotationEntity, AnnotationKind, AnnotationStatus } from '../annotations/annotation.entity';
import { ActivityKind, annotationWords } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import { DocumentContentService } from '../documents/document-content.service';
import { DocumentVersionEntity } from '../documents/document.entity';
import { DocumentsService } from '../documents/documents.service';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { InviteReviewerInput, OpenReviewRoundInput, ReviewAnnotationInput } from './dto/review.input';
import { CarryResult, ReviewerEntity, ReviewRoundEntity, ReviewRoundStatus, TriageResponse, TriageResponseEntity } from './review-round.entity';
import { docFromState } from '../documents/snapshot';

export interface ReviewSummary {
  total: number;
  bySection: { key: string; n: number }[];
  byKind: { key: string; n: number }[];
  bySector: { key: string; n: number }[];
  byStatus: { key: string; n: number }[];
  carried: { key: string; n: number }[];
}

@Injectable()
export class ReviewsService implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly content: DocumentContentService,
    private readonly documents: DocumentsService,
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  /** Rounds past their closing time are closed (and carried) by the server, not only when someone asks. */
  onModuleInit() {
    this.timer = setInterval(() => void this.closeOverdue(), this.config.scheduleIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  async closeOverdue(now = new Date()): Promise<number> {
    const due = await this.db.getRepository(ReviewRoundEntity).find({ where: { status: ReviewRoundStatus.OPEN, closesAt: LessThanOrEqual(now) } });
    for (const round of due) await this.close(null, round.id).catch((e) => this.logger.error({ roundId: round.id, err: String(e) }, 'could not close an overdue review round'));
    return due.length;
  }

  /** Rounds the viewer may see: all of them for members, only their own open ones for a reviewer. */
  async forWorkspace(viewer: MemberEntity): Promise<ReviewRoundEntity[]> {
    const rounds = await this.db.getRepository(ReviewRoundEntity).find({ where: { workspaceId: viewer.workspaceId }, order: { createdAt: 'DESC' } });
    if (viewer.role !== Role.REVIEWER) return rounds;
    const mine = new Set((await this.db.getRepository(ReviewerEntity).find({ where: { userId: viewer.userId } })).map((r) => r.roundId));
    return rounds.filter((r) => mine.has(r.id) && this.isOpen(r));
  }

  /** An export of a review round's triage table, for the audit log. */
  recordExport(reader: MemberEntity, round: ReviewRoundEntity, format: string): Promise<void> {
    return this.audit.record({ workspaceId: round.workspaceId, actorId: reader.userId, action: 'reviewTriage.exported', targetId: round.id, data: { title: round.title, format } });
  }

  /**
   * The round, if the viewer may see it. A reviewer may only while the round is open, before its
   * closing time, and only if invited to it: checked on every request, not left to a timer.
   */
  async visible(viewer: MemberEntity, id: string): Promise<ReviewRoundEntity | null> {
    const round = await this.db.getRepository(ReviewRoundEntity).findOne({ where: { id, workspaceId: viewer.workspaceId } });
    if (!round) return null;
    if (viewer.role !== Role.REVIEWER) return round;
    return (await this.reviewerMayAct(viewer.userId, round)) ? round : null;
  }

  /** `opts.tx`: inside the caller's transaction (a milestone gate); `opts.concerns`: more ids the event concerns. */
  async open(actor: MemberEntity, input: OpenReviewRoundInput, opts: { tx?: EntityManager; concerns?: string[] } = {}): Promise<ReviewRoundEntity> {
    const version = await (opts.tx ?? this.db.manager).getRepository(DocumentVersionEntity).findOne({ where: { id: input.versionId, workspaceId: actor.workspaceId }, select: { id: true, documentId: true, workspaceId: true, name: true } });
    if (!version) throw notFound('Version not found');
    if (input.closesAt.getTime() <= Date.now()) throw badInput('input.closesAt', 'input.closesAt: must be in the future');
    const round = await (opts.tx ?? this.db.manager).transaction(async (tx) => {
      const r = await tx.getRepository(ReviewRoundEntity).save({ workspaceId: actor.workspaceId, documentId: version.documentId, versionId: version.id, title: input.title, closesAt: input.closesAt, status: ReviewRoundStatus.OPEN, openedBy: actor.id, closedAt: null, summary: null });
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'review.opened', targetId: r.id, data: { title: r.title, version: version.name } }, tx);
      await this.activity.emit(tx, { workspaceId: actor.workspaceId, kind: ActivityKind.REVIEW_ROUND_OPENED, actorId: actor.userId, targetId: r.id, label: `Review round “${r.title}” opened on “${version.name}”`, concerns: [version.documentId, version.id, ...(opts.concerns ?? [])] });
      return r;
    });
    return round;
  }

  /** An existing member is added to the round at once; anyone else gets a reviewer invitation link. */
  async invite(actor: MemberEntity, input: InviteReviewerInput): Promise<{ link: string | null; email: string }> {
    const round = await this.openRound(actor.workspaceId, input.roundId);
    const email = input.email.trim().toLowerCase();
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email } });
    const member = user ? await this.db.getRepository(MemberEntity).findOne({ where: { workspaceId: actor.workspaceId, userId: user.id } }) : null;
    if (member && user) {
      await this.db.query('INSERT INTO review_round_reviewers (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [round.id, user.id]);
      return { link: null, email };
    }
    const { link } = await this.workspaces.invite(actor, { workspaceId: actor.workspaceId, email, role: Role.REVIEWER, organisation: input.organisation, sector: input.sector }, { reviewRoundId: round.id });
    return { link, email };
  }

  async reviewerCount(roundId: string): Promise<number> {
    return this.db.getRepository(ReviewerEntity).count({ where: { roundId } });
  }

  /** A reviewer's comment on the shared version; anchored in that version's text. */
  async annotate(actor: MemberEntity, input: ReviewAnnotationInput): Promise<AnnotationEntity> {
    const round = await this.openRound(actor.workspaceId, input.roundId);
    if (actor.role === Role.REVIEWER ? !(await this.reviewerMayAct(actor.userId, round)) : !can(actor.role, 'annotation.create')) throw forbidden('You are not a reviewer in this round');
    if (input.kind === AnnotationKind.SUGGESTION && !input.suggestion) throw badInput('input.suggestion', 'input.suggestion: a suggested edit needs its replacement text');
    const doc = await this.versionDoc(round.versionId);
    const at = resolveAnchor(doc, input.anchor);
    doc.destroy();
    if (!at || at.start === at.end) throw badInput('input.anchor', 'input.anchor: does not point at text in the shared version');
    if (at.text !== input.quote) throw badInput('input.quote', 'input.quote: is not the text at the anchor');
    const saved = await this.db.getRepository(AnnotationEntity).save({
      workspaceId: actor.workspaceId,
      documentId: round.documentId,
      kind: input.kind,
      status: AnnotationStatus.OPEN,
      anchor: input.anchor,
      quote: input.quote,
      sectionId: at.sectionId,
      sectionTitle: at.sectionTitle,
      body: input.body,
      suggestion: input.suggestion ?? null,
      evidenceUrl: null,
      tags: [],
      authorId: actor.id,
      reviewRoundId: round.id,
      versionId: round.versionId,
      carried: null,
      edited: false,
      decidedBy: null,
      deletedAt: null,
    });
    await this.activity.emit(null, { workspaceId: actor.workspaceId, kind: ActivityKind.ANNOTATION_ADDED, actorId: actor.userId, targetId: saved.id, label: `${annotationWords(saved.kind)} on “${saved.sectionTitle || 'the draft'}” in review round “${round.title}”` });
    return saved;
  }

  /** A reviewer sees their own comments; the group sees every comment of the round. */
  async annotations(viewer: MemberEntity, round: ReviewRoundEntity): Promise<AnnotationEntity[]> {
    const where = { reviewRoundId: round.id, deletedAt: IsNull(), ...(viewer.role === Role.REVIEWER ? { authorId: viewer.id } : {}) };
    const rows = await this.db.getRepository(AnnotationEntity).find({ where, order: { createdAt: 'ASC' } });
    const authors = new Map((await this.db.getRepository(MemberEntity).find({ where: { id: In([...new Set(rows.map((a) => a.authorId))]) }, relations: { user: true } })).map((m) => [m.id, m]));
    return rows.map((a) => Object.assign(a, { author: authors.get(a.authorId), replies: [] }));
  }

  async versionState(round: ReviewRoundEntity): Promise<Uint8Array> {
    const v = await this.db.getRepository(DocumentVersionEntity).findOneOrFail({ where: { id: round.versionId } });
    return new Uint8Array(v.state);
  }

  /**
   * Closes the round: each reviewer comment is carried onto the live draft by finding its quote
   * (exactly, then by similarity in its section; unmatched ones become ORPHANED), the summary is
   * stored, and triage opens. `actor` is null when the server closes an overdue round.
   */
  async close(actor: MemberEntity | null, id: string): Promise<ReviewRoundEntity> {
    const closed = await this.db.transaction(async (tx) => {
      const round = await tx.getRepository(ReviewRoundEntity).findOne({ where: { id, ...(actor ? { workspaceId: actor.workspaceId } : {}) }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw notFound('Review round not found');
      if (round.status === ReviewRoundStatus.CLOSED) throw conflict('This review round is already closed', { reason: 'CLOSED' });
      const live = docFromState(await this.content.currentState(round.documentId));
      const linear = linearText(live);
      const comments = await tx.getRepository(AnnotationEntity).find({ where: { reviewRoundId: round.id, deletedAt: IsNull() } });
      for (const a of comments) {
        const found = locateQuote(linear, a.quote, a.sectionId);
        if (found) {
          a.anchor = anchorFromOffsets(live, found.start, found.end);
          a.quote = linear.text.slice(found.start, found.end);
          a.carried = found.how === 'EXACT' ? CarryResult.EXACT : CarryResult.FUZZY;
        } else {
          a.carried = CarryResult.UNMATCHED;
          a.status = AnnotationStatus.ORPHANED;
        }
        a.versionId = null;
        await tx.getRepository(AnnotationEntity).save(a);
      }
      live.destroy();
      round.status = ReviewRoundStatus.CLOSED;
      round.closedAt = new Date();
      round.summary = (await this.summarise(comments)) as unknown as Record<string, unknown>;
      await tx.getRepository(ReviewRoundEntity).save(round);
      await this.audit.record({ workspaceId: round.workspaceId, actorId: actor?.userId ?? null, action: 'review.closed', targetId: round.id, data: { title: round.title, comments: comments.length, automatic: actor === null } }, tx);
      await this.activity.emit(tx, { workspaceId: round.workspaceId, kind: ActivityKind.REVIEW_ROUND_CLOSED, actorId: actor?.userId ?? null, targetId: round.id, label: `Review round “${round.title}” closed with ${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}`, concerns: [round.documentId, round.versionId] });
      return round;
    });
    return closed;
  }

  summary(round: ReviewRoundEntity): ReviewSummary | null {
    return (round.summary as unknown as ReviewSummary | null) ?? null;
  }

  async respond(actor: MemberEntity, annotationId: string, response: TriageResponse, reasonRaw: string): Promise<TriageResponseEntity> {
    const reason = reasonRaw.trim();
    if (reason.length === 0) throw badInput('reason', 'reason: is required: say why');
    if (reason.length > 5000) throw badInput('reason', 'reason: must be at most 5000 characters');
    const a = await this.db.getRepository(AnnotationEntity).findOne({ where: { id: annotationId, workspaceId: actor.workspaceId, deletedAt: IsNull() } });
    if (!a?.reviewRoundId) throw notFound('Reviewer comment not found');
    const round = await this.db.getRepository(ReviewRoundEntity).findOneOrFail({ where: { id: a.reviewRoundId } });
    if (round.status !== ReviewRoundStatus.CLOSED) throw conflict('Triage opens when the review round closes', { reason: 'ROUND_OPEN' });
    await this.db.query(
      `INSERT INTO triage_responses (annotation_id, response, reason, responded_by, responded_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (annotation_id) DO UPDATE SET response = EXCLUDED.response, reason = EXCLUDED.reason, responded_by = EXCLUDED.responded_by, responded_at = now()`,
      [a.id, response, reason, actor.id],
    );
    return this.db.getRepository(TriageResponseEntity).findOneOrFail({ where: { annotationId: a.id } });
  }

  /** The responses to several comments at once, for the per-request loader behind Annotation.triage. */
  triageOfMany(annotationIds: readonly string[]): Promise<TriageResponseEntity[]> {
    return this.db.getRepository(TriageResponseEntity).find({ where: { annotationId: In([...annotationIds]) } });
  }

  /** The "you said, we did" table: one row per reviewer comment, with the group's response. */
  async triageTable(round: ReviewRoundEntity): Promise<{ section: string; organisation: string; sector: string; kind: string; quote: string; comment: string; response: string; reason: string }[]> {
    const rows: Record<string, string | null>[] = await this.db.query(
      `SELECT a.section_title, m.organisation, m.sector, a.kind, a.quote, a.body, t.response, t.reason
         FROM annotations a JOIN members m ON m.id = a.author_id LEFT JOIN triage_responses t ON t.annotation_id = a.id
        WHERE a.review_round_id = $1 AND a.deleted_at IS NULL ORDER BY a.section_title, a.created_at`,
      [round.id],
    );
    return rows.map((r) => ({
      section: r.section_title ?? '',
      organisation: r.organisation ?? '',
      sector: r.sector ?? '',
      kind: r.kind ?? '',
      quote: r.quote ?? '',
      comment: r.body ?? '',
      response: r.response ? RESPONSE_LABELS[r.response as TriageResponse] : 'Awaiting response',
      reason: r.reason ?? '',
    }));
  }

  private async summarise(comments: AnnotationEntity[]): Promise<ReviewSummary> {
    const sectors = new Map((await this.db.getRepository(MemberEntity).find({ where: { id: In([...new Set(comments.map((a) => a.authorId))]) } })).map((m) => [m.id, m.sector as string]));
    const count = (key: (a: AnnotationEntity) => string) => {
      const m = new Map<string, number>();
      for (const a of comments) m.set(key(a), (m.get(key(a)) ?? 0) + 1);
      return [...m.entries()].map(([k, n]) => ({ key: k, n })).sort((x, y) => y.n - x.n || x.key.localeCompare(y.key));
    };
    return {
      total: comments.length,
      bySection: count((a) => a.sectionTitle || '(before the first heading)'),
      byKind: count((a) => a.kind),
      bySector: count((a) => sectors.get(a.authorId) ?? 'OTHER'),
      byStatus: count((a) => a.status),
      carried: count((a) => a.carried ?? CarryResult.UNMATCHED),
    };
  }

  private isOpen(round: ReviewRoundEntity, now = new Date()): boolean {
    return round.status === ReviewRoundStatus.OPEN && round.closesAt.getTime() > now.getTime();
  }

  private async reviewerMayAct(userId: string, round: ReviewRoundEntity): Promise<boolean> {
    if (!this.isOpen(round)) return false;
    return (await this.db.getRepository(ReviewerEntity).count({ where: { roundId: round.id, userId } })) > 0;
  }

  private async openRound(workspaceId: string, id: string): Promise<ReviewRoundEntity> {
    const round = await this.db.getRepository(ReviewRoundEntity).findOne({ where: { id, workspaceId } });
    if (!round) throw notFound('Review round not found');
    if (!this.isOpen(round)) throw conflict('This review round is closed', { reason: 'CLOSED' });
    return round;
  }

  private async versionDoc(versionId: string): Promise<Y.Doc> {
    const v = await this.db.getRepository(DocumentVersionEntity).findOneOrFail({ where: { id: versionId } });
    const doc = docFromState(new Uint8Array(await this.documents.versionState(v)));
    return doc;
  }
}

export const RESPONSE_LABELS: Record<TriageResponse, string> = {
  [TriageResponse.ACCEPTED]: 'Accepted',
  [TriageResponse.ACCEPTED_IN_PART]: 'Accepted in part',
  [TriageResponse.NOT_ACCEPTED]: 'Not accepted',
  [TriageResponse.DEFERRED]: 'Deferred',
};
