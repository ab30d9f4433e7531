import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { ProposeDecisionInput } from './dto/propose-decision.input';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DecisionEntity } from './decision.entity';
import { decisionRef, DecisionsService } from './decisions.service';

@Resolver(() => DecisionEntity)
export class DecisionsResolver {
  constructor(private readonly decisions: DecisionsService) {}

  @Mutation(() => DecisionEntity, { description: 'A PROPOSED decision with the next number (D-001, D-002, …).' })
  @Scope(arg('input.workspaceId'))
  proposeDecision(@Args('input') input: ProposeDecisionInput, @CurrentMember() actor: MemberEntity) {
    return this.decisions.proposeByMember(actor, input);
  }

  @Mutation(() => DecisionEntity)
  @Scope(row('decisions', 'id'))
  agreeDecision(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.decisions.agree(actor, id);
  }

  @Mutation(() => DecisionEntity, { description: 'An agreed decision is never edited: this agrees a new one and marks the old one SUPERSEDED.' })
  @Scope(row('decisions', 'id'))
  supersedeDecision(@Args('id', { type: () => ID }) id: string, @Args('input') input: ProposeDecisionInput, @CurrentMember() actor: MemberEntity) {
    return this.decisions.supersede(actor, id, input);
  }

  @ResolveField(() => String, { description: 'D-001, D-002, … in the order decisions were proposed.' })
  ref(@Parent() d: DecisionEntity) {
    return decisionRef(d.number);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceDecisionsResolver {
  constructor(private readonly service: DecisionsService) {}

  @ResolveField(() => [DecisionEntity], { description: 'The decision log, oldest first.' })
  @Scope(parent('id'))
  decisions(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
