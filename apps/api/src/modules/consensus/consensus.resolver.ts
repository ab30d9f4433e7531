import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter } from 'rxjs';
import { toAsyncIterator } from '../../common/async-iterator';
import { CurrentMember } from '../../common/current.decorator';
import { can } from '../../common/policy';
import type { RequestContext } from '../../common/request-context';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { listOf } from '../../common/validation';
import { pageSize } from '../../common/cursor';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { PreviousFeedback, ItemResultType, RoundRule, Score } from './consensus.types';
import { consensusLoaders } from './consensus.loaders';
import { ConsensusService } from './consensus.service';
import { CriterionEntity } from './criterion.entity';
import { CastScoreInput, CreateRoundInput, ProposeCriterionInput, UpdateRoundInput } from './dto/round.input';
import { InterestEntity, RoundEntity, RoundItemEntity, RoundStatus, Scale } from './round.entity';
import { RoundsService } from './rounds.service';

@Resolver(() => WorkspaceEntity)
export class WorkspaceConsensusResolver {
  constructor(private readonly criteriaService: ConsensusService, private readonly roundsService: RoundsService) {}

  @ResolveField(() => [CriterionEntity], { description: 'Candidate and proposed criteria for models of good practice, in their order; `first` keeps only that many (1–200).' })
  @Scope(parent('id'))
  criteria(@Parent() workspace: WorkspaceEntity, @Args('first', { type: () => Int, nullable: true }) first?: number | null) {
    return this.criteriaService.forWorkspace(workspace.id, first == null ? undefined : pageSize(first));
  }

  @ResolveField(() => [RoundEntity], { description: 'Consensus rounds, newest first; `status` keeps only the rounds in that state (the dashboard asks for the open ones).' })
  @Scope(parent('id'))
  rounds(@Parent() workspace: WorkspaceEntity, @Args('status', { type: () => RoundStatus, nullable: true }) status?: RoundStatus | null) {
    return this.roundsService.forWorkspace(workspace.id, status ?? undefined);
  }
}

@Resolver(() => CriterionEntity)
export class CriteriaResolver {
  constructor(private readonly rounds: RoundsService) {}

  @Mutation(() => CriterionEntity, { description: 'A member proposes a criterion; an editor accepts it before it can go to a round.' })
  @Scope(arg('input.workspaceId'))
  proposeCriterion(@Args('input') input: ProposeCriterionInput, @CurrentMember() actor: MemberEntity) {
    return this.rounds.proposeCriterion(actor, input.statement, input.rationale?.trim() || null);
  }

  @Mutation(() => CriterionEntity)
  @Scope(row('criteria', 'id'))
  acceptCriterion(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.rounds.acceptCriterion(actor, id);
  }

  @Mutation(() => InterestEntity, { description: 'Declares an interest in a criterion: it recuses you from voting on it.' })
  @Scope(row('criteria', 'criterionId'))
  declareInterest(@Args('criterionId', { type: () => ID }) criterionId: string, @Args('statement') statement: string, @CurrentMember() actor: MemberEntity) {
    return this.rounds.declareInterest(actor, criterionId, statement);
  }
}

@Resolver(() => RoundEntity)
export class RoundsResolver {
  constructor(private readonly rounds: RoundsService) {}

  @Query(() => RoundEntity, { nullable: true })
  @Scope(row('consensus_rounds', 'id'), { orNull: true })
  round(@Args('id', { type: () => ID }) id: string) {
    return this.rounds.findById(id);
  }

  @Mutation(() => RoundEntity, { description: 'A draft round; its rule and items freeze when it opens.' })
  @Scope(arg('input.workspaceId'))
  createRound(@Args('input') input: CreateRoundInput, @CurrentMember() actor: MemberEntity) {
    return this.rounds.create(actor, input);
  }

  @Mutation(() => RoundEntity, { description: 'Edits a draft round (same checks as createRound); after it opens its settings are frozen: CONFLICT.' })
  @Scope(row('consensus_rounds', 'input.id'))
  updateRound(@Args('input') input: UpdateRoundInput, @CurrentMember() actor: MemberEntity) {
    return this.rounds.update(actor, input);
  }

  @Mutation(() => RoundEntity)
  @Scope(row('consensus_rounds', 'id'))
  openRound(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.rounds.open(actor, id);
  }

  @Mutation(() => RoundEntity, { description: 'Closes the round and drafts a PROPOSED decision for each item that reached INCLUDE or EXCLUDE.' })
  @Scope(row('consensus_rounds', 'id'))
  closeRound(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.rounds.close(actor, id);
  }

  @Mutation(() => RoundEntity, { description: 'A draft next round with the items that reached no consensus.' })
  @Scope(row('consensus_rounds', 'id'))
  nextRound(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.rounds.next(actor, id);
  }

  @Mutation(() => [Score], { description: 'Your scores for some or all items; a ballot can be changed until the round closes.' })
  @Scope(row('consensus_rounds', 'roundId'))
  castBallot(@Args('roundId', { type: () => ID }) roundId: string, @Args('scores', { type: () => [CastScoreInput] }, listOf('scores', CastScoreInput)) scores: CastScoreInput[], @CurrentMember() actor: MemberEntity) {
    return this.rounds.cast(actor, roundId, scores);
  }

  @Query(() => String, { description: 'Results as CSV (after close, or live when the round shows live results).' })
  @Scope(row('consensus_rounds', 'roundId'))
  async roundResultsCsv(@Args('roundId', { type: () => ID }) roundId: string, @CurrentMember() reader: MemberEntity) {
    const round = await this.rounds.findById(roundId);
    if (!round || !this.rounds.resultsVisible(round)) return '';
    const csv = await this.rounds.resultsCsv(round);
    await this.rounds.recordExport(reader, round);
    return csv;
  }

  @Subscription(() => RoundEntity, { resolve: (e: { round: RoundEntity }) => e.round, description: 'The round whenever it opens, closes or receives a ballot.' })
  @Scope(row('consensus_rounds', 'roundId'))
  roundChanged(@Args('roundId', { type: () => ID }) roundId: string, @CurrentMember() subscriber: MemberEntity) {
    return toAsyncIterator(
      this.rounds.changes.pipe(
        filter((c) => c.roundId === roundId),
        concatMap(async () => {
          const [round, role] = await Promise.all([this.rounds.findById(roundId), this.rounds.roleOf(subscriber.workspaceId, subscriber.userId)]);
          return round && can(role, 'round.read') ? [{ round }] : [];
        }),
        concatMap((x) => x),
      ),
    );
  }

  @ResolveField(() => [RoundItemEntity])
  @Scope(parent('workspaceId'))
  items(@Parent() round: RoundEntity, @Context() ctx: RequestContext) {
    return consensusLoaders(ctx, this.rounds).items.load(round.id);
  }

  @ResolveField(() => [Score], { description: 'Your own scores in this round.' })
  @Scope(parent('workspaceId'))
  myBallot(@Parent() round: RoundEntity, @CurrentMember() viewer: MemberEntity) {
    return this.rounds.myBallot(round, viewer.userId);
  }

  @ResolveField(() => Int)
  @Scope(parent('workspaceId'))
  votedCount(@Parent() round: RoundEntity, @Context() ctx: RequestContext) {
    return consensusLoaders(ctx, this.rounds).votedCount.load(round.id);
  }

  @ResolveField(() => Int)
  @Scope(parent('workspaceId'))
  async eligibleCount(@Parent() round: RoundEntity, @Context() ctx: RequestContext) {
    const electorate = await consensusLoaders(ctx, this.rounds).electorate.load(round.workspaceId);
    return (await this.rounds.eligibleCounts(round, electorate)).total;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may vote in this round.' })
  @Scope(parent('workspaceId'))
  canVote(@Parent() round: RoundEntity, @CurrentMember() viewer: MemberEntity) {
    return this.rounds.eligible(round, viewer);
  }

  @ResolveField(() => [MemberEntity], { description: 'Who has voted, not how (leads only).' })
  @Scope(parent('workspaceId'))
  voters(@Parent() round: RoundEntity) {
    return this.rounds.voters(round.id);
  }

  @ResolveField(() => RoundRule)
  @Scope(parent('workspaceId'))
  rule(@Parent() round: RoundEntity) {
    return round.rule;
  }
}

@Resolver(() => RoundItemEntity)
export class RoundItemsResolver {
  constructor(private readonly rounds: RoundsService) {}

  @ResolveField(() => CriterionEntity)
  criterion(@Parent() item: RoundItemEntity & { criterion?: CriterionEntity }) {
    return item.criterion;
  }

  @ResolveField(() => ItemResultType, { nullable: true, description: 'Null until the round closes, unless it shows live results.' })
  @Scope(parent('workspaceId'))
  async result(@Parent() item: RoundItemEntity, @Context() ctx: RequestContext) {
    const load = consensusLoaders(ctx, this.rounds);
    const round = await load.round.load(item.roundId);
    if (!round || !this.rounds.resultsVisible(round)) return null;
    // read through the loaders only if the result is not kept (a closed round's needs no ballots)
    return this.rounds.result(round, item, undefined, async () => {
      const [ballots, previousBallots, electorate] = await Promise.all([
        load.ballots.load(item.id),
        item.previousItemId ? load.ballots.load(item.previousItemId) : undefined,
        round.scale === Scale.CONSENT ? load.electorate.load(round.workspaceId) : undefined,
      ]);
      return { ballots, previousBallots, electorate };
    });
  }

  @ResolveField(() => PreviousFeedback, { nullable: true, description: 'For a carried-forward item: last round’s distribution and your own score.' })
  @Scope(parent('workspaceId'))
  previous(@Parent() item: RoundItemEntity, @CurrentMember() viewer: MemberEntity) {
    return this.rounds.previousFeedback(item, viewer.userId);
  }

  @ResolveField(() => Boolean, { description: 'True when you declared an interest in this criterion.' })
  @Scope(parent('workspaceId'))
  recused(@Parent() item: RoundItemEntity, @CurrentMember() viewer: MemberEntity, @Context() ctx: RequestContext) {
    return consensusLoaders(ctx, this.rounds).recused.load({ userId: viewer.userId, criterionId: item.criterionId });
  }
}
