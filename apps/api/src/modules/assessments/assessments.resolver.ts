import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import type { RequestContext } from '../../common/request-context';
import { parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AssessmentCell, AssessmentMatrix, AssessmentRow, AssessmentRowPage } from './assessments.types';
import { AssessmentsService } from './assessments.service';
import { AssessmentRowsArgs } from './dto/assessment-rows.args';
import { RateModelInput } from './dto/rate-model.input';
import { ModelRatingEntity } from './model-rating.entity';

@Resolver(() => WorkspaceEntity)
export class WorkspaceAssessmentResolver {
  constructor(private readonly service: AssessmentsService) {}

  @ResolveField(() => AssessmentMatrix, { description: 'Models × the agreed criteria (or all candidates before any round has closed).' })
  @Scope(parent('id'))
  assessment(@Parent() workspace: WorkspaceEntity, @CurrentMember() member: MemberEntity) {
    return this.service.matrix(workspace.id, member);
  }
}

/** The matrix's rows, computed only when asked (the policy checked Workspace.assessment: these inherit it). */
@Resolver(() => AssessmentMatrix)
export class AssessmentMatrixResolver {
  constructor(private readonly service: AssessmentsService) {}

  @ResolveField(() => [AssessmentRow], { description: 'Every model’s row, in the order of the models’ names (rowPage pages through the same).' })
  rows(@Parent() matrix: AssessmentMatrix) {
    return this.service.rows(matrix);
  }

  @ResolveField(() => AssessmentRowPage, { description: 'A page of the rows, in the order of the models’ names, optionally filtered; totalCount counts the filtered models.' })
  rowPage(@Parent() matrix: AssessmentMatrix, @Args() args: AssessmentRowsArgs) {
    return this.service.rowPage(matrix, args.filter, args.first, args.after);
  }

  @ResolveField(() => Int, { description: 'How many models of the workspace are strong candidates (all of them, not a page).' })
  strongCandidateCount(@Parent() matrix: AssessmentMatrix) {
    return this.service.strongCandidateCount(matrix);
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

  @ResolveField(() => [ModelRatingEntity], { description: 'Each member’s rating, oldest change first.' })
  async ratings(@Parent() cell: AssessmentCell, @Context() ctx: RequestContext) {
    return (await this.ratingsOf(ctx).load(cell.modelId)).get(cell.criterionId) ?? [];
  }

  @ResolveField(() => ModelRatingEntity, { nullable: true, description: 'Your own rating.' })
  async mine(@Parent() cell: AssessmentCell, @Context() ctx: RequestContext) {
    return ((await this.ratingsOf(ctx).load(cell.modelId)).get(cell.criterionId) ?? []).find((r) => r.memberId === cell.viewerId) ?? null;
  }

  /** The ratings of every model whose cells a request asks for, by criterion, in one statement (keyed by model: a matrix has far fewer models than cells). */
  private ratingsOf(ctx: RequestContext) {
    return ctx.loaders.get('assessments.ratings', (modelIds: readonly string[]) => this.service.ratingsOfModels(modelIds));
  }
}
