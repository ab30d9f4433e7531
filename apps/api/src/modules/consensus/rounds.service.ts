// Consensus rounds on the criteria: rounds frozen when they open, secret ballots, verdicts by the
// rules of libs/consensus, next rounds that carry forward what did not reach consensus.
import { createHmac } from 'node:crypto';
import {
  ApproveChoice,
  Ballot,
  COMET,
  ConsentChoice as LibConsentChoice,
  DEFAULT_APPROVE,
  DEFAULT_CONSENT,
  itemVerdict,
  ratingStats,
  Rule,
  stability,
  Verdict,
} from '@concord/consensus';
import { Role, Sector, SECTORS } from '@concord/shared';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { toCsv } from '../../common/csv';
import { distinct } from '../../common/loaders';
import { badInput, conflict, DomainError, forbidden, notFound } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { ErrorCode } from '@concord/shared';
import { ActivityKind } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { DecisionsService } from '../decisions/decisions.service';
import { MemberEntity } from '../workspaces/member.entity';
import { ClosedResults } from './closed-results';
import { CriterionEntity } from './criterion.entity';
import { CastScoreInput, CreateRoundInput, RuleInput, UpdateRoundInput } from './dto/round.input';
import { BallotEntity, ConsentChoice, InterestEntity, ParticipationEntity, RoundEntity, RoundItemEntity, RoundStatus, Scale } from './round.entity';

const DEFAULT_VOTERS: Role[] = [Role.LEAD, Role.EDITOR, Role.MEMBER];
const CHOICES: Record<Scale, ConsentChoice[]> = {
  [Scale.LIKERT_9]: [],
  [Scale.CONSENT]: [ConsentChoice.AGREE, ConsentChoice.ABSTAIN, ConsentChoice.DISAGREE, ConsentChoice.BLOCK],
  [Scale.APPROVE]: [ConsentChoice.APPROVE, ConsentChoice.REJECT],
};

export interface SectorResult {
  sector: string;
  n: number | null;
  median: number | null;
  agreeShare: number | null;
  suppressed: boolean;
}
export interface ItemResult {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  distribution: number[];
  lowShare: number;
  middleShare: number;
  highShare: number;
  verdict: Verdict;
  bySector: SectorResult[];
  /** Change in the share rating 7–9 since the previous round, in percentage points. */
  changeSincePrevious: number | null;
  stable: boolean | null;
  rationales: string[];
}
/** Rows `result` would otherwise read itself: handed in by the per-request loaders when a list asks. */
export interface LoadedForResult {
  ballots?: BallotEntity[];
  previousBallots?: BallotEntity[];
  electorate?: Electorate;
}

/** A workspace's members counted by role and sector: all that eligibility reads of them. */
export type Electorate = readonly { role: Role; sector: Sector; n: number }[];

@Injectable()
export class RoundsService implements OnModuleInit, OnModuleDestroy {
  readonly changes = new Subject<{ roundId: string; workspaceId: string }>();
  /** Results of closed rounds' items (closed-results.ts). */
  private readonly closedResults = new ClosedResults<ItemResult>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisions: DecisionsService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  /** Rounds open at their opening time and close at their closing time without anyone asking. */
  onModuleInit() {
    this.timer = setInterval(() => void this.runSchedule(), this.config.scheduleIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  async runSchedule(now = new Date()): Promise<{ opened: number; closed: number }> {
    const repo = this.db.getRepository(RoundEntity);
    const toOpen = await repo.find({ where: { status: RoundStatus.DRAFT, opensAt: LessThanOrEqual(now) } });
    const toClose = await repo.find({ where: { status: RoundStatus.OPEN, closesAt: LessThanOrEqual(now) } });
    let opened = 0;
    let closed = 0;
    for (const r of toOpen) if (await this.open(null, r.id).then(() => true, () => false)) opened++;
    for (const r of toClose) if (await this.close(null, r.id).then(() => true, () => false)) closed++;
    return { opened, closed };
  }

  /** The member's key in a round's ballots: the same for their every ballot of the round, and nothing else. */
  voterKey(roundId: string, userId: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`ballot:${roundId}:${userId}`).digest('hex');
  }

  forWorkspace(workspaceId: string, status?: RoundStatus): Promise<RoundEntity[]> {
    return this.db.getRepository(RoundEntity).find({ where: { workspaceId, ...(status ? { status } : {}) }, order: { createdAt: 'DESC' } });
  }

  findById(id: string): Promise<RoundEntity | null> {
    return this.db.getRepository(RoundEntity).findOne({ where: { id } });
  }

  items(roundId: string): Promise<(RoundItemEntity & { criterion: CriterionEntity })[]> {
    return this.db.getRepository(RoundItemEntity).find({ where: { roundId }, relations: { criterion: true }, order: { position: 'ASC' } }) as Promise<(RoundItemEntity & { criterion: CriterionEntity })[]>;
  }

  // ——— batches for the per-request loaders (one statement for many parents) ———

  roundsByIds(ids: readonly string[]): Promise<RoundEntity[]> {
    return this.db.getRepository(RoundEntity).find({ where: { id: In(distinct(ids)) } });
  }

  /** Items of several rounds, each round's in position order. */
  itemsOfRounds(roundIds: readonly string[]): Promise<(RoundItemEntity & { criterion: CriterionEntity })[]> {
    return this.db.getRepository(RoundItemEntity).find({ where: { roundId: In(distinct(roundIds)) }, relations: { criterion: true }, order: { position: 'ASC' } }) as Promise<(RoundItemEntity & { criterion: CriterionEntity })[]>;
  }

  ballotsOfItems(itemIds: readonly string[]): Promise<BallotEntity[]> {
    return this.db.getRepository(BallotEntity).find({ where: { itemId: In(distinct(itemIds)) } });
  }

  async votedCounts(roundIds: readonly string[]): Promise<{ roundId: string; n: number }[]> {
    const rows: { round_id: string; n: number }[] = await this.db.query('SELECT round_id, count(*)::int AS n FROM round_participation WHERE round_id = ANY($1::uuid[]) GROUP BY round_id', [distinct(roundIds)]);
    return rows.map((r) => ({ roundId: r.round_id, n: r.n }));
  }

  /** The electorates of workspaces: members counted by role and sector (not 200 members read as entities). */
  async electoratesOf(workspaceIds: readonly string[]): Promise<(Electorate[number] & { workspaceId: string })[]> {
    const rows: { workspace_id: string; role: Role; sector: Sector; n: number }[] = await this.db.query(
      'SELECT workspace_id, role, sector, count(*)::int AS n FROM members WHERE workspace_id = ANY($1::uuid[]) GROUP BY workspace_id, role, sector',
      [distinct(workspaceIds)],
    );
    return rows.map((r) => ({ workspaceId: r.workspace_id, role: r.role, sector: r.sector, n: r.n }));
  }

  /** The (user, criterion) pairs among `pairs` for which the user declared an interest. */
  interestsAmong(pairs: readonly { userId: string; criterionId: string }[]): Promise<InterestEntity[]> {
    return this.db.getRepository(InterestEntity).find({
      where: { userId: In(distinct(pairs.map((p) => p.userId))), criterionId: In(distinct(pairs.map((p) => p.criterionId))) },
    });
  }

  async create(actor: MemberEntity, input: CreateRoundInput): Promise<RoundEntity> {
    const ids = await this.checkCriteria(actor.workspaceId, input.criterionIds);
    this.checkTimes(input.opensAt ?? null, input.closesAt ?? null);
    const rule = ruleFor(input.scale, input.rule);
    return this.db.transaction(async (tx) => {
      const round = await tx.getRepository(RoundEntity).save({
        workspaceId: actor.workspaceId,
        title: input.title,
        number: 1,
        scale: input.scale,
        anonymous: input.anonymous,
        status: RoundStatus.DRAFT,
        rule: rule as unknown as Record<string, unknown>,
        eligibleRoles: input.eligibleRoles ?? [],
        eligibleSectors: input.eligibleSectors ?? [],
        liveResults: input.liveResults ?? false,
        opensAt: input.opensAt ?? null,
        closesAt: input.closesAt ?? null,
        openedAt: null,
        closedAt: null,
        previousRoundId: null,
        documentVersionId: null,
        createdBy: actor.id,
      });
      await tx.getRepository(RoundItemEntity).insert(ids.map((criterionId, i) => ({ roundId: round.id, workspaceId: actor.workspaceId, criterionId, position: i + 1, previousItemId: null })));
      return round;
    });
  }

  /**
   * Edits a draft round with the same checks as creating one. Once the round has opened its settings
   * are frozen, so any change is a CONFLICT. Items kept keep their link to the previous round.
   */
  async update(actor: MemberEntity, input: UpdateRoundInput): Promise<RoundEntity> {
    if (input.title !== undefined && input.title !== null && !input.title) throw badInput('input.title', 'input.title: is required');
    const ids = input.criterionIds === undefined || input.criterionIds === null ? null : await this.checkCriteria(actor.workspaceId, input.criterionIds);
    const updated = await this.db.transaction(async (tx) => {
      const round = await this.locked(tx, input.id);
      if (round.workspaceId !== actor.workspaceId) throw notFound('Round not found');
      if (round.status !== RoundStatus.DRAFT) throw conflict('The round has opened: its settings are frozen', { reason: round.status });
      const opensAt = input.opensAt === undefined ? round.opensAt : input.opensAt;
      const closesAt = input.closesAt === undefined ? round.closesAt : input.closesAt;
      // A closing time already passed is only refused when it is being set now, so a stale draft can
      // still be edited in other ways; opening it then asks for a new one.
      this.checkTimes(opensAt, input.closesAt === undefined ? null : closesAt);
      if (opensAt && closesAt && opensAt.getTime() >= closesAt.getTime()) throw badInput('input.closesAt', 'input.closesAt: must be after the opening time');
      if (input.title) round.title = input.title;
      if (typeof input.anonymous === 'boolean') round.anonymous = input.anonymous;
      if (typeof input.liveResults === 'boolean') round.liveResults = input.liveResults;
      if (input.eligibleRoles) round.eligibleRoles = input.eligibleRoles;
      if (input.eligibleSectors) round.eligibleSectors = input.eligibleSectors;
      if (input.rule) round.rule = ruleFor(round.scale, input.rule) as unknown as Record<string, unknown>;
      round.opensAt = opensAt;
      round.closesAt = closesAt;
      await tx.getRepository(RoundEntity).save(round);
      if (ids) {
        const items = tx.getRepository(RoundItemEntity);
        const existing = await items.find({ where: { roundId: round.id } });
        const kept = new Map(existing.map((i) => [i.criterionId, i]));
        const dropped = existing.filter((i) => !ids.includes(i.criterionId));
        if (dropped.length) await items.delete({ id: In(dropped.map((i) => i.id)) });
        for (const [i, criterionId] of ids.entries()) {
          const item = kept.get(criterionId);
          if (item) await items.update({ id: item.id }, { position: i + 1 });
          else await items.insert({ roundId: round.id, workspaceId: round.workspaceId, criterionId, position: i + 1, previousItemId: null });
        }
      }
      await this.audit.record({ workspaceId: round.workspaceId, actorId: actor.userId, action: 'round.updated', targetId: round.id, data: { title: round.title } }, tx);
      return round;
    });
    this.changes.next({ roundId: updated.id, workspaceId: updated.workspaceId });
    return updated;
  }

  /** Freezes the rule and the items: any change after this is a CONFLICT. */
  async open(actor: MemberEntity | null, id: string): Promise<RoundEntity> {
    const opened = await this.db.transaction(async (tx) => {
      const round = await this.locked(tx, id);
      if (round.status !== RoundStatus.DRAFT) throw conflict('Only a draft round can be opened', { reason: round.status });
      if (round.closesAt && round.closesAt.getTime() <= Date.now()) throw conflict('The closing time has passed: set a new one first', { reason: 'CLOSING_TIME_PASSED' });
      const version: { id: string }[] = await tx.query('SELECT id FROM document_versions WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 1', [round.workspaceId]);
      round.status = RoundStatus.OPEN;
      round.openedAt = new Date();
      round.documentVersionId = version[0]?.id ?? null;
      await tx.getRepository(RoundEntity).save(round);
      await this.audit.record({ workspaceId: round.workspaceId, actorId: actor?.userId ?? null, action: 'round.opened', targetId: round.id, data: { title: round.title, automatic: actor === null } }, tx);
      await this.activity.emit(tx, { workspaceId: round.workspaceId, kind: ActivityKind.ROUND_OPENED, actorId: actor?.userId ?? null, targetId: round.id, label: `Round “${round.title}” opened` });
      return round;
    });
    this.changes.next({ roundId: opened.id, workspaceId: opened.workspaceId });
    return opened;
  }

  /** Records the member's scores (changing earlier ones) in one transaction. */
  async cast(actor: MemberEntity, roundId: string, scores: CastScoreInput[]): Promise<CastScoreInput[]> {
    const round = await this.findById(roundId);
    if (!round || round.workspaceId !== actor.workspaceId) throw notFound('Round not found');
    if (round.status !== RoundStatus.OPEN || (round.closesAt && round.closesAt.getTime() <= Date.now())) throw conflict('This round is not open for ballots', { reason: round.status === RoundStatus.OPEN ? 'CLOSED' : round.status });
    if (!this.eligible(round, actor)) throw forbidden('You are not among the eligible voters of this round');
    if (scores.length === 0) throw badInput('scores', 'scores: give at least one score');
    const items = new Map((await this.items(round.id)).map((i) => [i.id, i]));
    const seen = new Set<string>();
    scores.forEach((s, i) => {
      const item = items.get(s.itemId);
      if (!item) throw badInput(`scores.${i}.itemId`, `scores.${i}.itemId: is not an item of this round`);
      if (seen.has(s.itemId)) throw badInput(`scores.${i}.itemId`, `scores.${i}.itemId: appears twice`);
      seen.add(s.itemId);
      if (round.scale === Scale.LIKERT_9) {
        if (s.rating === undefined || s.rating === null || !Number.isInteger(s.rating) || s.rating < 1 || s.rating > 9) throw badInput(`scores.${i}.rating`, `scores.${i}.rating: must be a whole number from 1 to 9`);
        if (s.choice) throw badInput(`scores.${i}.choice`, `scores.${i}.choice: this round is rated 1–9`);
      } else {
        if (!s.choice || !CHOICES[round.scale].includes(s.choice)) throw badInput(`scores.${i}.choice`, `scores.${i}.choice: must be one of ${CHOICES[round.scale].join(', ')}`);
        if (s.rating !== undefined && s.rating !== null) throw badInput(`scores.${i}.rating`, `scores.${i}.rating: this round takes a choice, not a rating`);
      }
    });
    const criterionOf = (itemId: string) => items.get(itemId)?.criterionId ?? '';
    const interests = await this.db.getRepository(InterestEntity).find({ where: { userId: actor.userId, criterionId: In([...seen].map(criterionOf)) } });
    if (interests.length > 0) {
      const recused = [...seen].find((id) => interests.some((x) => x.criterionId === criterionOf(id)));
      throw new DomainError(ErrorCode.FORBIDDEN, 'You declared an interest in this criterion, so you are recused from it', undefined, { reason: 'RECUSED', itemId: recused });
    }
    const key = this.voterKey(round.id, actor.userId);
    await this.db.transaction(async (tx) => {
      for (const s of scores) {
        await tx.query(
          `INSERT INTO ballots (round_id, item_id, voter_key, sector, rating, choice, rationale) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (item_id, voter_key) DO UPDATE SET rating = EXCLUDED.rating, choice = EXCLUDED.choice, rationale = EXCLUDED.rationale, sector = EXCLUDED.sector`,
          [round.id, s.itemId, key, actor.sector, s.rating ?? null, s.choice ?? null, s.rationale?.trim() || null],
        );
      }
      await tx.query('INSERT INTO round_participation (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [round.id, actor.userId]);
    });
    this.changes.next({ roundId: round.id, workspaceId: round.workspaceId });
    return this.myBallot(round, actor.userId);
  }

  async myBallot(round: RoundEntity, userId: string): Promise<CastScoreInput[]> {
    const rows = await this.db.getRepository(BallotEntity).find({ where: { roundId: round.id, voterKey: this.voterKey(round.id, userId) } });
    return rows.map((b) => ({ itemId: b.itemId, rating: b.rating ?? undefined, choice: (b.choice as ConsentChoice | null) ?? undefined, rationale: b.rationale ?? undefined }));
  }

  /** Closes the round, fixes the verdicts and drafts a PROPOSED decision for each INCLUDE or EXCLUDE. */
  async close(actor: MemberEntity | null, id: string): Promise<RoundEntity> {
    const closed = await this.db.transaction(async (tx) => {
      const round = await this.locked(tx, id);
      if (round.status !== RoundStatus.OPEN) throw conflict('Only an open round can be closed', { reason: round.status });
      round.status = RoundStatus.CLOSED;
      round.closedAt = new Date();
      await tx.getRepository(RoundEntity).save(round);
      const items = await tx.getRepository(RoundItemEntity).find({ where: { roundId: round.id }, relations: { criterion: true }, order: { position: 'ASC' } });
      for (const item of items) {
        const result = await this.result(round, item, tx);
        if (result.verdict !== 'INCLUDE' && result.verdict !== 'EXCLUDE') continue;
        const include = result.verdict === 'INCLUDE';
        const statement = item.criterion?.statement ?? '';
        await this.decisions.propose(tx, {
          workspaceId: round.workspaceId,
          title: `${include ? 'Include' : 'Exclude'} criterion: ${statement.slice(0, 120)}`,
          statement: include ? `Models of good practice should meet this criterion: ${statement}` : `This is not a criterion for models of good practice: ${statement}`,
          rationale: `${round.title}: ${describeResult(result)}.`,
          roundItemId: item.id,
          resultSummary: describeResult(result),
          createdBy: actor?.id ?? null,
          actorUserId: actor?.userId ?? null,
        });
      }
      await this.audit.record({ workspaceId: round.workspaceId, actorId: actor?.userId ?? null, action: 'round.closed', targetId: round.id, data: { title: round.title, automatic: actor === null } }, tx);
      await this.activity.emit(tx, { workspaceId: round.workspaceId, kind: ActivityKind.ROUND_CLOSED, actorId: actor?.userId ?? null, targetId: round.id, label: `Round “${round.title}” closed`, concerns: [round.previousRoundId] });
      return round;
    });
    this.changes.next({ roundId: closed.id, workspaceId: closed.workspaceId });
    return closed;
  }

  /** A draft round carrying forward the items of a closed round that reached no consensus. */
  async next(actor: MemberEntity, id: string): Promise<RoundEntity> {
    const previous = await this.findById(id);
    if (!previous || previous.workspaceId !== actor.workspaceId) throw notFound('Round not found');
    if (previous.status !== RoundStatus.CLOSED) throw conflict('Close this round before starting the next', { reason: previous.status });
    const items = await this.items(previous.id);
    const open: RoundItemEntity[] = [];
    for (const item of items) {
      const r = await this.result(previous, item);
      if (r.verdict === 'NO_CONSENSUS' || r.verdict === 'FAILED') open.push(item);
    }
    if (open.length === 0) throw conflict('Every item reached a verdict: there is nothing to carry forward', { reason: 'NOTHING_TO_CARRY' });
    return this.db.transaction(async (tx) => {
      const round = await tx.getRepository(RoundEntity).save({
        ...previous,
        id: undefined,
        title: previous.title.replace(/\s*—\s*round \d+$/i, '') + ` — round ${previous.number + 1}`,
        number: previous.number + 1,
        status: RoundStatus.DRAFT,
        openedAt: null,
        closedAt: null,
        opensAt: null,
        closesAt: null,
        previousRoundId: previous.id,
        documentVersionId: null,
        createdBy: actor.id,
        createdAt: undefined,
      } as unknown as RoundEntity);
      await tx.getRepository(RoundItemEntity).insert(open.map((item, i) => ({ roundId: round.id, workspaceId: round.workspaceId, criterionId: item.criterionId, position: i + 1, previousItemId: item.id })));
      return round;
    });
  }

  /** Whether results are visible to members now (after close by default; live if the round says so). */
  resultsVisible(round: RoundEntity): boolean {
    return round.status === RoundStatus.CLOSED || (round.status === RoundStatus.OPEN && round.liveResults);
  }

  /** An item's verdict alone, without the statistics of result() (the assessment matrix reads only this). */
  async verdict(round: RoundEntity, ballots: readonly Pick<BallotEntity, 'sector' | 'rating' | 'choice'>[], electorate?: Electorate): Promise<Verdict> {
    const rule = round.rule as unknown as Rule;
    if (round.scale === Scale.LIKERT_9) return itemVerdict(rule as typeof COMET, ballots.flatMap((b): Ballot<number>[] => (b.rating === null ? [] : [{ value: b.rating, sector: b.sector }])));
    if (round.scale === Scale.CONSENT) {
      const { total, bySector } = await this.eligibleCounts(round, electorate);
      return itemVerdict(rule as typeof DEFAULT_CONSENT, ballots.map((b) => ({ value: b.choice as LibConsentChoice, sector: b.sector })), total, bySector);
    }
    return itemVerdict(rule as typeof DEFAULT_APPROVE, ballots.map((b) => ({ value: b.choice as ApproveChoice, sector: b.sector })));
  }

  /**
   * The result of one item. Anonymous rounds suppress sector cells of fewer than 3 voters. A closed
   * round's results are fixed, so they are kept (closed-results.ts) for every caller — results page,
   * exports, briefing packs, traceability — but never from inside a transaction: the one that closes a
   * round computes them with the round marked closed before it commits, and may still roll back.
   * `loaded`: what the caller's loaders already hold, or a function reading it only when a result must
   * be computed (a kept one needs no ballots).
   */
  async result(
    round: RoundEntity,
    item: RoundItemEntity,
    manager: EntityManager = this.db.manager,
    loaded: LoadedForResult | (() => Promise<LoadedForResult>) = {},
  ): Promise<ItemResult> {
    const committed = manager === this.db.manager;
    const kept = committed ? this.closedResults.get(round, item.id) : undefined;
    if (kept) return kept;
    const result = await this.computeResult(round, item, manager, typeof loaded === 'function' ? await loaded() : loaded);
    if (committed) this.closedResults.keep(round, item.id, result);
    return result;
  }

  private async computeResult(round: RoundEntity, item: RoundItemEntity, manager: EntityManager, loaded: LoadedForResult): Promise<ItemResult> {
    const ballots = loaded.ballots ?? (await manager.getRepository(BallotEntity).find({ where: { itemId: item.id } }));
    const verdict = await this.verdict(round, ballots, loaded.electorate);
    let distribution: number[];
    let stats = ratingStats([]);
    if (round.scale === Scale.LIKERT_9) {
      stats = ratingStats(ratingsOf(ballots));
      distribution = stats.distribution;
    } else {
      const choices = CHOICES[round.scale];
      distribution = choices.map((c) => ballots.filter((b) => b.choice === c).length);
    }
    const bySector = SECTORS.map((sector) => {
      const mine = ballots.filter((b) => b.sector === sector);
      const s = ratingStats(ratingsOf(mine));
      const agreeing = round.scale === Scale.LIKERT_9 ? s.bands.high : mine.length === 0 ? 0 : mine.filter((b) => b.choice === 'AGREE' || b.choice === 'APPROVE').length / mine.length;
      const cell: SectorResult = { sector, n: mine.length, median: s.median, agreeShare: mine.length === 0 ? null : agreeing, suppressed: false };
      return round.anonymous && mine.length > 0 && mine.length < 3 ? { sector, n: null, median: null, agreeShare: null, suppressed: true } : cell;
    }).filter((c) => c.suppressed || (c.n ?? 0) > 0);
    let previousBands = null;
    if (item.previousItemId && round.scale === Scale.LIKERT_9) {
      const prev = loaded.previousBallots ?? (await manager.getRepository(BallotEntity).find({ where: { itemId: item.previousItemId } }));
      previousBands = ratingStats(ratingsOf(prev)).bands;
    }
    const change = stability(previousBands, stats.bands);
    // Rationales without names; shuffled by text so their order says nothing of who voted when.
    const rationales = ballots.map((b) => b.rationale).filter((r): r is string => !!r).sort((a, b) => a.localeCompare(b));
    return {
      n: round.scale === Scale.LIKERT_9 ? stats.n : ballots.length,
      median: stats.median,
      q1: stats.q1,
      q3: stats.q3,
      iqr: stats.iqr,
      distribution,
      lowShare: stats.bands.low,
      middleShare: stats.bands.middle,
      highShare: stats.bands.high,
      verdict,
      bySector,
      changeSincePrevious: change.change,
      stable: change.stable,
      rationales,
    };
  }

  /** For each carried-forward item: the group's distribution last round and the member's own previous score. */
  async previousFeedback(item: RoundItemEntity, userId: string): Promise<{ distribution: number[]; myRating: number | null; myChoice: string | null } | null> {
    if (!item.previousItemId) return null;
    const prevItem = await this.db.getRepository(RoundItemEntity).findOne({ where: { id: item.previousItemId } });
    if (!prevItem) return null;
    const prevRound = await this.db.getRepository(RoundEntity).findOneOrFail({ where: { id: prevItem.roundId } });
    const ballots = await this.db.getRepository(BallotEntity).find({ where: { itemId: prevItem.id } });
    const mine = ballots.find((b) => b.voterKey === this.voterKey(prevRound.id, userId));
    const distribution = prevRound.scale === Scale.LIKERT_9 ? ratingStats(ratingsOf(ballots)).distribution : CHOICES[prevRound.scale].map((c) => ballots.filter((b) => b.choice === c).length);
    return { distribution, myRating: mine?.rating ?? null, myChoice: mine?.choice ?? null };
  }

  async votedCount(roundId: string): Promise<number> {
    return this.db.getRepository(ParticipationEntity).count({ where: { roundId } });
  }

  /** Who has voted (not how), for leads. */
  async voters(roundId: string): Promise<MemberEntity[]> {
    const round = await this.findById(roundId);
    if (!round) return [];
    return this.db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .innerJoin(ParticipationEntity, 'p', 'p.user_id = m.user_id AND p.round_id = :roundId', { roundId })
      .where('m.workspace_id = :ws', { ws: round.workspaceId })
      .orderBy('u.name', 'ASC')
      .getMany();
  }

  async eligibleCounts(round: RoundEntity, electorate?: Electorate): Promise<{ total: number; bySector: Record<string, number> }> {
    const groups = electorate ?? (await this.electoratesOf([round.workspaceId]));
    let total = 0;
    const bySector: Record<string, number> = {};
    for (const g of groups) {
      if (!this.eligible(round, g)) continue;
      total += g.n;
      bySector[g.sector] = (bySector[g.sector] ?? 0) + g.n;
    }
    return { total, bySector };
  }

  eligible(round: RoundEntity, m: Pick<MemberEntity, 'role' | 'sector'>): boolean {
    const roles = round.eligibleRoles.length > 0 ? round.eligibleRoles : DEFAULT_VOTERS;
    const sectors = round.eligibleSectors.length > 0 ? round.eligibleSectors : SECTORS;
    return roles.includes(m.role) && m.role !== Role.REVIEWER && m.role !== Role.OBSERVER && sectors.includes(m.sector as Sector);
  }

  async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    const rows: { role: Role }[] = await this.db.query('SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return rows[0]?.role ?? null;
  }

  async recused(userId: string, criterionId: string): Promise<boolean> {
    return (await this.db.getRepository(InterestEntity).count({ where: { userId, criterionId } })) > 0;
  }

  async declareInterest(actor: MemberEntity, criterionId: string, statement: string): Promise<InterestEntity> {
    const criterion = await this.db.getRepository(CriterionEntity).findOne({ where: { id: criterionId, workspaceId: actor.workspaceId } });
    if (!criterion) throw notFound('Criterion not found');
    const text = statement.trim();
    if (!text) throw badInput('statement', 'statement: say what the interest is');
    if (text.length > 2000) throw badInput('statement', 'statement: must be at most 2000 characters');
    // A score given before the declaration must not count either: it is withdrawn from every open round
    // (found by the member's key in each round, as changing a ballot finds it).
    const changed = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO interests (workspace_id, criterion_id, user_id, statement) VALUES ($1, $2, $3, $4)
         ON CONFLICT (criterion_id, user_id) DO UPDATE SET statement = EXCLUDED.statement`,
        [actor.workspaceId, criterionId, actor.userId, text],
      );
      const open: { round_id: string; item_id: string }[] = await tx.query(
        `SELECT i.round_id, i.id AS item_id FROM round_items i JOIN consensus_rounds r ON r.id = i.round_id
         WHERE i.criterion_id = $1 AND r.workspace_id = $2 AND r.status = $3`,
        [criterionId, actor.workspaceId, RoundStatus.OPEN],
      );
      const rounds: string[] = [];
      for (const { round_id, item_id } of open) {
        // TypeORM answers a DELETE with [rows, affected].
        const [, affected]: [unknown[], number] = await tx.query('DELETE FROM ballots WHERE item_id = $1 AND voter_key = $2', [item_id, this.voterKey(round_id, actor.userId)]);
        if (affected > 0) rounds.push(round_id);
      }
      return rounds;
    });
    for (const roundId of changed) this.changes.next({ roundId, workspaceId: actor.workspaceId });
    return this.db.getRepository(InterestEntity).findOneOrFail({ where: { criterionId, userId: actor.userId } });
  }

  async proposeCriterion(actor: MemberEntity, statement: string, rationale: string | null): Promise<CriterionEntity> {
    const position = ((await this.db.query('SELECT coalesce(max(position), 0)::int AS n FROM criteria WHERE workspace_id = $1', [actor.workspaceId]))[0].n as number) + 1;
    return this.db.getRepository(CriterionEntity).save({ workspaceId: actor.workspaceId, statement, rationale, position, proposedBy: actor.id, status: 'PROPOSED' });
  }

  async acceptCriterion(actor: MemberEntity, id: string): Promise<CriterionEntity> {
    const c = await this.db.getRepository(CriterionEntity).findOne({ where: { id, workspaceId: actor.workspaceId } });
    if (!c) throw notFound('Criterion not found');
    if (c.status !== 'PROPOSED') throw conflict('This criterion is already a candidate', { reason: c.status });
    c.status = 'CANDIDATE';
    return this.db.getRepository(CriterionEntity).save(c);
  }

  /** An export of a round's results, for the audit log. */
  recordExport(reader: MemberEntity, round: RoundEntity): Promise<void> {
    return this.audit.record({ workspaceId: round.workspaceId, actorId: reader.userId, action: 'roundResults.exported', targetId: round.id, data: { title: round.title, format: 'csv' } });
  }

  /** Results as CSV: one row per item (and per sector), no voter anywhere. */
  async resultsCsv(round: RoundEntity): Promise<string> {
    const lines = [['Item', 'Criterion', 'Sector', 'n', 'Median', 'Q1', 'Q3', 'IQR', 'Rated 1-3', 'Rated 4-6', 'Rated 7-9', 'Verdict']];
    const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 1000) / 10}%`);
    for (const item of await this.items(round.id)) {
      const r = await this.result(round, item);
      lines.push([String(item.position), item.criterion.statement, 'All', String(r.n), fmt(r.median), fmt(r.q1), fmt(r.q3), fmt(r.iqr), pct(r.lowShare), pct(r.middleShare), pct(r.highShare), r.verdict]);
      for (const s of r.bySector) lines.push([String(item.position), item.criterion.statement, s.sector, s.suppressed ? 'fewer than 3' : String(s.n), fmt(s.median), '', '', '', '', '', s.suppressed ? '' : pct(s.agreeShare), '']);
    }
    return toCsv(lines);
  }

  /** The criteria of a round: at least one, all of this workspace, all accepted as candidates. */
  private async checkCriteria(workspaceId: string, criterionIds: string[]): Promise<string[]> {
    const ids = [...new Set(criterionIds)];
    if (ids.length === 0) throw badInput('input.criterionIds', 'input.criterionIds: a round needs at least one item');
    const criteria = await this.db.getRepository(CriterionEntity).find({ where: { id: In(ids), workspaceId } });
    if (criteria.length !== ids.length) throw badInput('input.criterionIds', 'input.criterionIds: not all are criteria of this workspace');
    if (criteria.some((c) => c.status !== 'CANDIDATE')) throw badInput('input.criterionIds', 'input.criterionIds: a proposed criterion must be accepted by an editor first');
    return ids;
  }

  private checkTimes(opensAt: Date | null, closesAt: Date | null) {
    if (closesAt && closesAt.getTime() <= Date.now()) throw badInput('input.closesAt', 'input.closesAt: must be in the future');
    if (opensAt && closesAt && opensAt.getTime() >= closesAt.getTime()) throw badInput('input.closesAt', 'input.closesAt: must be after the opening time');
  }

  private async locked(tx: EntityManager, id: string): Promise<RoundEntity> {
    const round = await tx.getRepository(RoundEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!round) throw notFound('Round not found');
    return round;
  }
}

function ruleFor(scale: Scale, input?: RuleInput): Rule {
  const crossSector = input?.crossSector ?? false;
  if (scale === Scale.LIKERT_9) return { ...COMET, agree: input?.agree ?? COMET.agree, disagree: input?.disagree ?? COMET.disagree, crossSector };
  if (scale === Scale.CONSENT) return { ...DEFAULT_CONSENT, agree: input?.agree ?? DEFAULT_CONSENT.agree, quorum: input?.quorum ?? DEFAULT_CONSENT.quorum, crossSector };
  return { ...DEFAULT_APPROVE, threshold: input?.threshold ?? DEFAULT_APPROVE.threshold, crossSector };
}

export function describeResult(r: ItemResult): string {
  if (r.distribution.length === 9) {
    const cross = r.bySector.filter((s) => !s.suppressed && (s.sector === 'HE' || s.sector === 'NHS') && s.agreeShare !== null).map((s) => `${Math.round((s.agreeShare ?? 0) * 100)}% of ${s.sector}`);
    return `${r.verdict}: ${Math.round(r.highShare * 100)}% of ${r.n} rated 7–9, ${Math.round(r.lowShare * 100)}% rated 1–3${cross.length ? ` (${cross.join(' and ')} members rated 7–9)` : ''}`;
  }
  return `${r.verdict}: ${r.n} ballots`;
}

function ratingsOf(ballots: BallotEntity[]): number[] {
  return ballots.flatMap((b) => (b.rating === null ? [] : [b.rating]));
}

function fmt(x: number | null): string {
  return x === null ? '' : String(Math.round(x * 100) / 100);
}
