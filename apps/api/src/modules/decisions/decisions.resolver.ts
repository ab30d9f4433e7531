import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import type { RequestContext } from '../../common/request-context';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { ExportFormat } from '../reviews/reviews.types';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DecisionEntity } from './decision.entity';
import { decisionRef, DecisionsService, LinkedDecision } from './decisions.service';
import { DecisionLink, DecisionPage } from './decisions.types';
import { DecisionLogArgs } from './dto/decision-log.args';
import { AgreeDecisionArgs, DecisionFilterInput, ProposeDecisionInput, SupersedeDecisionArgs, UpdateDecisionInput } from './dto/propose-decision.input';

@Resolver(() => DecisionEntity)
export class DecisionsResolver {
  constructor(private readonly decisions: DecisionsService) {}

  @Query(() => DecisionEntity, { nullable: true })
  @Scope(row('decisions', 'id'), { orNull: true })
  decision(@Args('id', { type: () => ID }) id: string) {
    return this.decisions.findById(id);
  }

  @Query(() => String, { description: 'The decision log (filtered like Workspace.decisions) as CSV or Markdown.' })
  @Scope(arg('workspaceId'))
  async decisionLogExport(
    @Args('workspaceId', { type: () => ID }) workspaceId: string,
    @Args('format', { type: () => ExportFormat }) format: ExportFormat,
    @CurrentMember() reader: MemberEntity,
    @Args('filter', { type: () => DecisionFilterInput, nullable: true }) filter?: DecisionFilterInput,
  ) {
    const text = await this.decisions.export({ ...filter, workspaceId }, format);
    await this.decisions.recordExport(reader, format);
    return text;
  }

  @Mutation(() => DecisionEntity, { description: 'A PROPOSED decision with the next number (D-001, D-002, …).' })
  @Scope(arg('input.workspaceId'))
  proposeDecision(@Args('input') input: ProposeDecisionInput, @CurrentMember() actor: MemberEntity) {
    return this.decisions.proposeByMember(actor, input);
  }

  @Mutation(() => DecisionEntity, { description: 'Changes a proposed decision. An agreed or superseded decision is never edited: CONFLICT.' })
  @Scope(row('decisions', 'input.id'))
  updateDecision(@Args('input') input: UpdateDecisionInput, @CurrentMember() actor: MemberEntity) {
    return this.decisions.update(actor, input);
  }

  @Mutation(() => DecisionEntity, { description: 'PROPOSED → AGREED at a meeting or by a closed round (neither: recorded by the lead). CONFLICT unless proposed.' })
  @Scope(row('decisions', 'id'))
  agreeDecision(@Args() args: AgreeDecisionArgs, @CurrentMember() actor: MemberEntity) {
    return this.decisions.agree(actor, args.id, args);
  }

  @Mutation(() => DecisionEntity, { description: 'An agreed decision is never edited: this agrees a new one and marks the old one SUPERSEDED.' })
  @Scope(row('decisions', 'id'))
  supersedeDecision(@Args() args: SupersedeDecisionArgs, @CurrentMember() actor: MemberEntity) {
    return this.decisions.supersede(actor, args.id, args.input, args);
  }

  @ResolveField(() => String, { description: 'D-001, D-002, … in the order decisions were proposed.' })
  ref(@Parent() d: DecisionEntity) {
    return decisionRef(d.number);
  }

  @ResolveField(() => [DecisionLink], { description: 'What it rests on, with labels: its milestone, round results, sections, annotations and sources.' })
  async links(@Parent() d: LinkedDecision, @Context() ctx: RequestContext) {
    if (d.links) return d.links;
    // Decisions that did not come with their links (a briefing pack's, a mutation's) get them in one batch.
    const links = ctx.loaders.get('decisions.links', async (ds: readonly LinkedDecision[]) => (await this.decisions.withLinks([...ds])).map((x) => x.links), (x) => x.id);
    return links.load(d);
  }

  @ResolveField(() => DecisionEntity, { nullable: true, description: 'The earlier decision this one replaces.' })
  supersedes(@Parent() d: DecisionEntity, @Context() ctx: RequestContext) {
    return d.supersedesId ? this.byId(ctx).load(d.supersedesId) : null;
  }

  @ResolveField(() => DecisionEntity, { nullable: true, description: 'The decision that replaced this one.' })
  supersededBy(@Parent() d: DecisionEntity, @Context() ctx: RequestContext) {
    return d.supersededById ? this.byId(ctx).load(d.supersededById) : null;
  }

  /** A page's supersede chain in one batch (both directions share it). */
  private byId(ctx: RequestContext) {
    return ctx.loaders.get('decisions.byId', (ids: readonly string[]) => this.decisions.byIds(ids));
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceDecisionsResolver {
  constructor(private readonly service: DecisionsService) {}

  @ResolveField(() => [DecisionEntity], { description: 'The decision log, oldest first, optionally filtered.' })
  @Scope(parent('id'))
  async decisions(@Parent() workspace: WorkspaceEntity, @Args('filter', { type: () => DecisionFilterInput, nullable: true }) filter?: DecisionFilterInput) {
    return this.service.withLinks(await this.service.list({ ...filter, workspaceId: workspace.id }));
  }

  @ResolveField(() => DecisionPage, { description: 'The decision log a page at a time, newest first (by number), optionally filtered; totalCount counts the whole filtered log.' })
  @Scope(parent('id'))
  decisionLog(@Parent() workspace: WorkspaceEntity, @Args() args: DecisionLogArgs) {
    return this.service.page({ ...args.filter, workspaceId: workspace.id }, args.first, args.after);
  }
}
