import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AssessmentCell, AssessmentMatrix } from './assessments.types';
import { AssessmentsService } from './assessments.service';
import { RateModelInput } from './dto/rate-model.input';

@Resolver(() => WorkspaceEntity)
export class WorkspaceAssessmentResolver {
  constructor(private readonly service: AssessmentsService) {}

  @ResolveField(() => AssessmentMatrix, { description: 'Models × the agreed criteria (or all candidates before any round has closed).' })
  @Scope(parent('id'))
  assessment(@Parent() workspace: WorkspaceEntity, @CurrentMember() member: MemberEntity) {
    return this.service.matrix(workspace.id, member);
  }
}

@Resolver(() => AssessmentCell)
export class AssessmentResolver {
  constructor(private readonly service: AssessmentsService) {}

  @Mutation(() => AssessmentCell, { description: 'Your rating of a model against a criterion (replaces your earlier one).' })
  @Scope(row('practice_models', 'input.modelId'))
  rateModel(@Args('input') input: RateModelInput, @CurrentMember() actor: MemberEntity) {
    return this.service.rate(actor, input);
  }
}
