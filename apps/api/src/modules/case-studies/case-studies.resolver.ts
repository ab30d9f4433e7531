import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CurrentMember } from '../../common/current.decorator';
import { oneEach } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { ModelsService } from '../models/models.service';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { CaseStudySubmissionEntity, CaseStudyTemplateEntity } from './case-study.entity';
import { CaseStudyAnswer, TemplateSectionType } from './case-studies.types';
import { CaseStudiesService } from './case-studies.service';
import { SaveCaseStudyInput, SaveTemplateInput } from './dto/case-study.input';

@ArgsType()
export class ReturnCaseStudyArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
  @Field() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(5000) comment!: string;
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceCaseStudiesResolver {
  constructor(private readonly service: CaseStudiesService) {}

  @ResolveField(() => CaseStudyTemplateEntity, { nullable: true, description: 'The current version of the case-study template.' })
  @Scope(parent('id'))
  caseStudyTemplate(@Parent() workspace: WorkspaceEntity) {
    return this.service.current(workspace.id);
  }

  @ResolveField(() => [CaseStudyTemplateEntity], { description: 'Every version of the template, newest first.' })
  @Scope(parent('id'))
  caseStudyTemplates(@Parent() workspace: WorkspaceEntity) {
    return this.service.versions(workspace.id);
  }

  @ResolveField(() => [CaseStudySubmissionEntity], { description: 'The latest case study of each model.' })
  @Scope(parent('id'))
  caseStudies(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}

@Resolver(() => CaseStudyTemplateEntity)
export class TemplatesResolver {
  constructor(private readonly service: CaseStudiesService) {}

  @Mutation(() => CaseStudyTemplateEntity, { description: 'Saves the template: in place while no submission uses the current version, else as a new version.' })
  @Scope(arg('input.workspaceId'))
  saveCaseStudyTemplate(@Args('input') input: SaveTemplateInput, @CurrentMember() actor: MemberEntity) {
    return this.service.saveTemplate(actor, input);
  }

  @ResolveField(() => [TemplateSectionType])
  sections(@Parent() template: CaseStudyTemplateEntity) {
    return template.sections;
  }
}

@Resolver(() => CaseStudySubmissionEntity)
export class SubmissionsResolver {
  constructor(private readonly service: CaseStudiesService, private readonly models: ModelsService) {}

  @Query(() => CaseStudySubmissionEntity, { nullable: true })
  @Scope(row('case_study_submissions', 'id'), { orNull: true })
  caseStudy(@Args('id', { type: () => ID }) id: string, @CurrentMember() member: MemberEntity) {
    return this.service.visible(member, id);
  }

  @Mutation(() => CaseStudySubmissionEntity, { description: 'Saves a model’s case study as a draft.' })
  @Scope(row('practice_models', 'input.modelId'))
  saveCaseStudy(@Args('input') input: SaveCaseStudyInput, @CurrentMember() actor: MemberEntity) {
    return this.service.save(actor, input);
  }

  @Mutation(() => CaseStudySubmissionEntity, { description: 'Submits a draft: every required field must be answered.' })
  @Scope(row('case_study_submissions', 'id'))
  submitCaseStudy(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.service.submit(actor, id);
  }

  @Mutation(() => CaseStudySubmissionEntity, { description: 'An editor returns a submission for changes, with a comment.' })
  @Scope(row('case_study_submissions', 'id'))
  returnCaseStudy(@Args() args: ReturnCaseStudyArgs, @CurrentMember() actor: MemberEntity) {
    return this.service.return(actor, args.id, args.comment);
  }

  @ResolveField(() => CaseStudyTemplateEntity, { description: 'The template version it was made with.' })
  template(@Parent() s: CaseStudySubmissionEntity) {
    return this.service.template(s.templateId);
  }

  @ResolveField(() => [CaseStudyAnswer])
  async answers(@Parent() s: CaseStudySubmissionEntity) {
    return this.service.answers(s, await this.service.template(s.templateId));
  }

  @ResolveField(() => PracticeModelEntity)
  async model(@Parent() s: CaseStudySubmissionEntity) {
    return this.models.findById(s.modelId);
  }
}

@Resolver(() => PracticeModelEntity)
export class ModelCaseStudiesResolver {
  constructor(private readonly service: CaseStudiesService) {}

  @ResolveField(() => CaseStudySubmissionEntity, { nullable: true, description: 'The model’s latest case study.' })
  @Scope(parent('workspaceId'), { orNull: true })
  async caseStudy(@Parent() model: PracticeModelEntity, @CurrentMember() member: MemberEntity, @Context() ctx: RequestContext) {
    if (!(await this.service.mayReachModel(member, model))) return null;
    // One query for every model of a list (the assessment matrix asks for 100).
    const latest = ctx.loaders.get('caseStudies.latest', async (ids: readonly string[]) => oneEach(ids, await this.service.latestOfModels(ids), (s) => s.modelId));
    return latest.load(model.id);
  }

  @ResolveField(() => CaseStudyTemplateEntity, { nullable: true, description: 'The template a case study of this model is filled in with now.' })
  @Scope(parent('workspaceId'), { orNull: true })
  async caseStudyTemplate(@Parent() model: PracticeModelEntity, @CurrentMember() member: MemberEntity) {
    return (await this.service.mayReachModel(member, model)) ? this.service.current(model.workspaceId) : null;
  }

  @ResolveField(() => [CaseStudySubmissionEntity], { description: 'Every case study of the model, newest first (earlier ones against their template versions).' })
  @Scope(parent('workspaceId'))
  async caseStudies(@Parent() model: PracticeModelEntity, @CurrentMember() member: MemberEntity) {
    return (await this.service.mayReachModel(member, model)) ? this.service.forModel(model.id) : [];
  }
}
