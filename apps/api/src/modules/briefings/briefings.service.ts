// Assembles the briefing pack for a meeting from live data: the meeting and the plan, what was agreed
// and decided since the previous meeting, what is still open, and what is late. Read-only, except
// that reading annotations marks those whose text has gone as ORPHANED (as every reader does).
import { linearText, resolveAnchor, documentSections } from '@concord/editor-schema';
import { daysBetween, DEFAULT_RISK_WINDOW_DAYS, londonDate } from '@concord/plan';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, forbidden } from '../../common/domain-error';
import { can } from '../../common/policy';
import { AnnotationStatus } from '../annotations/annotation.entity';
import { AnnotationsService } from '../annotations/annotations.service';
import { AuditService } from '../audit/audit.service';
import { RoundEntity, RoundStatus, Scale } from '../consensus/round.entity';
import { RoundsService } from '../consensus/rounds.service';
import { AgreedVia, DecisionEntity, DecisionStatus } from '../decisions/decision.entity';
import { decisionRef, DecisionsService } from '../decisions/decisions.service';
import { DocumentContentService } from '../documents/document-content.service';
import { DocumentsService } from '../documents/documents.service';
import { LoadedMeeting, MeetingsService } from '../meetings/meetings.service';
import { MilestoneStatus } from '../milestones/milestones.resolver';
import { MilestonesService } from '../milestones/milestones.service';
import { ReviewRoundEntity, ReviewRoundStatus } from '../reviews/review-round.entity';
import { ReviewsService } from '../reviews/reviews.service';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { BriefingFormat, briefingFilename, BRIEFING_CONTENT_TYPES, BRIEFING_EXTENSIONS, londonMidnight, relativeDays, shorten } from './briefing-format';
import {
  BriefingAnnotationSection,
  BriefingDecision,
  BriefingDeliverable,
  BriefingItemResult,
  BriefingMeeting,
  BriefingMilestone,
  BriefingOpenRound,
  BriefingPack,
  BriefingReviewRound,
  BriefingRoundResult,
} from './briefings.types';
import { docFromState } from '../documents/snapshot';

const QUOTE_MAX = 200;
const BODY_MAX = 500;

@Injectable()
export class BriefingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly milestones: MilestonesService,
    private readonly meetingsService: MeetingsService,
    private readonly decisions: DecisionsService,
    private readonly rounds: RoundsService,
    private readonly annotations: AnnotationsService,
    private readonly documents: DocumentsService,
    private readonly content: DocumentContentService,
    private readonly reviews: ReviewsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The membership that lets a signed-in user read a meeting's pack, by the same policy as GraphQL:
   * NOT_FOUND for an unknown meeting and for a non-member (who must not learn that it exists),
   * FORBIDDEN for a member whose role may not read briefings.
   */
  async readerOf(userId: string, meetingId: string): Promise<MemberEntity> {
    const rows: { workspace_id: string }[] = await this.db.query('SELECT workspace_id FROM meetings WHERE id = $1', [meetingId]);
    const workspaceId = rows[0]?.workspace_id;
    const member = workspaceId ? await this.db.getRepository(MemberEntity).findOne({ where: { workspaceId, userId } }) : null;
    if (!member) throw notFound('Meeting not found');
    if (!can(member.role, 'briefing.read')) throw forbidden('Your role cannot read briefing packs');
    return member;
  }

  /** An export is an audited action (SPEC capability 9). */
  recordExport(reader: MemberEntity, pack: BriefingPack, format: BriefingFormat): Promise<void> {
    return this.audit.record({ workspaceId: pack.workspaceId, actorId: reader.userId, action: 'briefing.exported', targetId: pack.meeting.id, data: { meeting: pack.meeting.title, date: pack.meeting.date, format } });
  }

  async assemble(meetingId: string, now = new Date()): Promise<BriefingPack> {
    const meeting = await this.meetingsService.get(meetingId);
    if (!meeting) throw notFound('Meeting not found');
    const workspaceId = meeting.workspaceId;
    const workspace = await this.db.getRepository(WorkspaceEntity).findOneOrFail({ where: { id: workspaceId } });
    const meetings = await this.meetingsService.list(workspaceId);
    const previous = meetings.filter((m) => m.heldOn < meeting.heldOn).at(-1) ?? null;
    // The period: from the start of the previous meeting's day (what it agreed belongs to this pack)
    // to the start of this meeting's day, in Europe/London.
    const window = { from: previous ? londonMidnight(previous.heldOn) : null, to: londonMidnight(meeting.heldOn) };
    const inWindow = (t: Date | null) => t !== null && t.getTime() < window.to.getTime() && (!window.from || t.getTime() >= window.from.getTime());
    const today = londonDate(now);

    const milestones = await this.milestones.forWorkspace(workspaceId);
    const names = await this.memberNames(workspaceId);
    const served = milestones.find((m) => m.id === meeting.milestoneId) ?? null;
    const toMeeting = (m: LoadedMeeting): BriefingMeeting => ({
      id: m.id,
      title: m.title,
      kind: m.kind,
      date: m.heldOn,
      agenda: [...m.agenda],
      milestoneId: m.milestoneId,
      milestoneTitle: milestones.find((x) => x.id === m.milestoneId)?.title ?? null,
    });

    const milestoneRows: BriefingMilestone[] = milestones.map((m) => {
      const s = this.milestones.status(m, now);
      return {
        id: m.id,
        title: m.title,
        startsOn: m.startsOn,
        dueDate: m.dueOn,
        status: s.status as MilestoneStatus,
        statusReason: s.reason,
        deliverablesDone: m.deliverables.filter((d) => d.doneAt !== null).length,
        deliverablesTotal: m.deliverables.length,
        servedByMeeting: m.id === served?.id,
      };
    });
    const open = milestones.flatMap((m) => m.deliverables.filter((d) => d.doneAt === null).map((d) => ({ d, m })));
    const deliverable = ({ d, m }: (typeof open)[number]): BriefingDeliverable => {
      const days = daysBetween(today, d.dueOn);
      return { id: d.id, title: d.title, dueDate: d.dueOn, milestoneTitle: m.title, ownerName: d.ownerName ?? (d.ownerId ? (names.get(d.ownerId) ?? null) : null), dueInDays: days, when: relativeDays(days) };
    };
    const byDue = (a: BriefingDeliverable, b: BriefingDeliverable) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);
    const lateDeliverables = open.filter(({ d }) => daysBetween(today, d.dueOn) < 0).map(deliverable).sort(byDue);
    // At risk: due within its milestone's window (the same window the milestone's status uses).
    const atRiskDeliverables = open
      .filter(({ d, m }) => {
        const days = daysBetween(today, d.dueOn);
        return days >= 0 && days <= (m.riskWindowDays ?? DEFAULT_RISK_WINDOW_DAYS);
      })
      .map(deliverable)
      .sort(byDue);

    const allDecisions = await this.decisions.forWorkspace(workspaceId);
    const rounds = await this.rounds.forWorkspace(workspaceId);
    // Where each decision was agreed, and what replaced it, in words.
    const refs = new Map(allDecisions.map((d) => [d.id, decisionRef(d.number)]));
    const where = (d: DecisionEntity): string | null => {
      if (d.status === DecisionStatus.PROPOSED) return null;
      if (d.agreedVia === AgreedVia.MEETING) return `At “${meetings.find((m) => m.id === d.agreedMeetingId)?.title ?? 'a meeting'}”`;
      if (d.agreedVia === AgreedVia.ROUND) return `By round “${rounds.find((r) => r.id === d.agreedRoundId)?.title ?? 'a round'}”`;
      return d.agreedVia ? 'By the lead' : null;
    };
    const toDecision = (d: DecisionEntity): BriefingDecision => ({
      id: d.id,
      ref: decisionRef(d.number),
      title: d.title,
      statement: d.statement,
      rationale: d.rationale,
      status: d.status,
      agreedAt: d.agreedAt,
      agreedWhere: where(d),
      supersededByRef: d.supersededById ? (refs.get(d.supersededById) ?? null) : null,
      resultSummary: d.resultSummary,
    });
    const decisionsAgreed = allDecisions
      .filter((d) => d.status !== DecisionStatus.PROPOSED && inWindow(d.agreedAt))
      .sort((a, b) => (a.agreedAt?.getTime() ?? 0) - (b.agreedAt?.getTime() ?? 0) || a.number - b.number)
      .map(toDecision);
    const decisionsProposed = allDecisions.filter((d) => d.status === DecisionStatus.PROPOSED).map(toDecision);

    const closed = rounds.filter((r) => r.status === RoundStatus.CLOSED && inWindow(r.closedAt)).sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0));
    const roundResults: BriefingRoundResult[] = [];
    for (const r of closed) roundResults.push(await this.roundResult(r));
    const openRounds: BriefingOpenRound[] = [];
    const openNow = rounds.filter((x) => x.status === RoundStatus.OPEN).sort((a, b) => (a.closesAt?.getTime() ?? Infinity) - (b.closesAt?.getTime() ?? Infinity));
    // the workspace's members by role and sector, read once for every open round's eligible count
    const electorate = openNow.length > 0 ? await this.rounds.electoratesOf([workspaceId]) : [];
    for (const r of openNow) {
      openRounds.push({
        id: r.id,
        title: r.title,
        number: r.number,
        scale: r.scale,
        closesAt: r.closesAt,
        itemCount: (await this.rounds.items(r.id)).length,
        votedCount: await this.rounds.votedCount(r.id),
        eligibleCount: (await this.rounds.eligibleCounts(r, electorate)).total,
      });
    }

    const pack: BriefingPack = {
      workspaceId,
      workspaceName: workspace.name,
      meeting: toMeeting(meeting),
      previousMeeting: previous ? toMeeting(previous) : null,
      since: previous?.heldOn ?? null,
      until: meeting.heldOn,
      generatedAt: now,
      asOf: today,
      milestones: milestoneRows,
      lateDeliverables,
      atRiskDeliverables,
      decisionsAgreed,
      decisionsProposed,
      roundResults,
      openRounds,
      unresolvedAnnotations: await this.unresolvedAnnotations(workspaceId),
      reviewRounds: await this.reviewRounds(workspaceId, inWindow),
      downloads: [],
    };
    pack.downloads = (Object.keys(BRIEFING_EXTENSIONS) as BriefingFormat[]).map((format) => ({
      format,
      url: `/briefings/${meeting.id}.${BRIEFING_EXTENSIONS[format]}`,
      filename: briefingFilename(pack.meeting, format),
      contentType: BRIEFING_CONTENT_TYPES[format],
    }));
    return pack;
  }

  /** A closed round's results through the consensus module, so anonymity and suppression are the same. */
  private async roundResult(round: RoundEntity): Promise<BriefingRoundResult> {
    const items: BriefingItemResult[] = [];
    for (const item of await this.rounds.items(round.id)) {
      const r = await this.rounds.result(round, item);
      items.push({
        itemId: item.id,
        position: item.position,
        criterion: item.criterion.statement,
        verdict: r.verdict as BriefingItemResult['verdict'],
        n: r.n,
        median: r.median,
        // 1–9: rated 7–9; consent and approval: the first choice (AGREE, APPROVE) of all ballots.
        agreeShare: r.n === 0 ? null : round.scale === Scale.LIKERT_9 ? r.highShare : r.distribution[0] / r.n,
        lowShare: round.scale === Scale.LIKERT_9 && r.n > 0 ? r.lowShare : null,
        bySector: r.bySector.map((s) => ({ ...s })),
      });
    }
    return { id: round.id, title: round.title, number: round.number, scale: round.scale, anonymous: round.anonymous, closedAt: round.closedAt as Date, items };
  }

  /**
   * Open annotations (and those whose text was deleted) on the live drafts, grouped by the section
   * they sit in now — read from the document with the editor's schema, so a renamed heading shows
   * its current title — in the document's order.
   */
  private async unresolvedAnnotations(workspaceId: string): Promise<BriefingAnnotationSection[]> {
    const groups: BriefingAnnotationSection[] = [];
    for (const document of await this.documents.forWorkspace(workspaceId)) {
      const rows = (await this.annotations.list(document.id)).filter(
        (a) => (a.status === AnnotationStatus.OPEN || a.status === AnnotationStatus.ORPHANED) && a.versionId === null && a.deletedAt === null,
      );
      if (rows.length === 0) continue;
      const doc = docFromState(await this.content.currentState(document.id));
      const linear = linearText(doc);
      const sections = documentSections(doc);
      const bySection = new Map<string, BriefingAnnotationSection>();
      const orphaned: BriefingAnnotationSection = { documentId: document.id, documentTitle: document.title, sectionId: null, sectionTitle: 'Text no longer in the draft', annotations: [] };
      for (const a of rows) {
        const at = a.status === AnnotationStatus.OPEN ? resolveAnchor(doc, a.anchor, linear) : null;
        const entry = {
          id: a.id,
          kind: a.kind,
          status: a.status,
          quote: shorten(a.quote, QUOTE_MAX),
          body: shorten(a.body, BODY_MAX),
          authorName: a.author?.user?.name ?? null,
          createdAt: a.createdAt,
          replyCount: a.replies?.length ?? 0,
          tags: [...a.tags],
        };
        if (!at || at.start === at.end) {
          orphaned.annotations.push(entry);
          continue;
        }
        // Text before the first heading belongs to the section documentSections calls "s0".
        const id = at.sectionId ?? sections.find((s) => s.title === at.sectionTitle)?.id ?? 's0';
        const group = bySection.get(id) ?? { documentId: document.id, documentTitle: document.title, sectionId: id, sectionTitle: sections.find((s) => s.id === id)?.title ?? at.sectionTitle, annotations: [] };
        group.annotations.push(entry);
        bySection.set(id, group);
      }
      doc.destroy();
      const order = new Map(sections.map((s, i) => [s.id, i]));
      groups.push(...[...bySection.values()].sort((x, y) => (order.get(x.sectionId ?? '') ?? Infinity) - (order.get(y.sectionId ?? '') ?? Infinity)));
      if (orphaned.annotations.length > 0) groups.push(orphaned);
    }
    return groups;
  }

  /** Review rounds open now, or closed in the period, with their summaries and triage progress. */
  private async reviewRounds(workspaceId: string, inWindow: (t: Date | null) => boolean): Promise<BriefingReviewRound[]> {
    const rounds = await this.db.getRepository(ReviewRoundEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
    const wanted = rounds.filter((r) => r.status === ReviewRoundStatus.OPEN || inWindow(r.closedAt));
    const result: BriefingReviewRound[] = [];
    for (const r of wanted) {
      const counts: { total: number; responded: number }[] = await this.db.query(
        `SELECT count(*)::int AS total, count(t.annotation_id)::int AS responded
           FROM annotations a LEFT JOIN triage_responses t ON t.annotation_id = a.id
          WHERE a.review_round_id = $1 AND a.deleted_at IS NULL`,
        [r.id],
      );
      const version: { name: string }[] = await this.db.query('SELECT name FROM document_versions WHERE id = $1', [r.versionId]);
      const summary = this.reviews.summary(r);
      result.push({
        id: r.id,
        title: r.title,
        status: r.status,
        versionName: version[0]?.name ?? null,
        closesAt: r.closesAt,
        closedAt: r.closedAt,
        reviewerCount: await this.reviews.reviewerCount(r.id),
        commentCount: summary?.total ?? counts[0]?.total ?? 0,
        respondedCount: counts[0]?.responded ?? 0,
        bySection: summary?.bySection ?? [],
        byKind: summary?.byKind ?? [],
        bySector: summary?.bySector ?? [],
      });
    }
    return result;
  }

  private async memberNames(workspaceId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.db.query('SELECT m.id, u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1', [workspaceId]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
