import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { CreatePracticeModelInput, InviteModelContactInput, UpdatePracticeModelInput } from './dto/practice-model.input';
import { PracticeModelEntity } from './practice-model.entity';
import { ModelContact, ModelContactInvitation } from './models.types';
import { ModelsService } from './models.service';

@Resolver(() => WorkspaceEntity)
export class WorkspaceModelsResolver {
  constructor(private readonly service: ModelsService) {}

  @ResolveField(() => [PracticeModelEntity], { description: 'Candidate models of good practice.' })
  @Scope(parent('id'))
  models(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }

  @ResolveField(() => [PracticeModelEntity], { description: 'The models whose case study you were invited to fill in.' })
  @Scope(parent('id'))
  myCaseStudyModels(@Parent() workspace: WorkspaceEntity, @CurrentMember() member: MemberEntity) {
    return this.service.contactModels(workspace.id, member.userId);
  }
}

@Resolver(() => PracticeModelEntity)
export class ModelsResolver {
  constructor(private readonly service: ModelsService) {}

  @Query(() => PracticeModelEntity, { nullable: true, description: 'A model; for a model’s contact, only their own.' })
  @Scope(row('practice_models', 'id'), { orNull: true })
  practiceModel(@Args('id', { type: () => ID }) id: string, @CurrentMember() member: MemberEntity) {
    return this.service.visible(member, id);
  }

  @Mutation(() => PracticeModelEntity)
  @Scope(arg('input.workspaceId'))
  createPracticeModel(@Args('input') input: CreatePracticeModelInput, @CurrentMember() actor: MemberEntity) {
    return this.service.create(actor, input);
  }

  @Mutation(() => PracticeModelEntity)
  @Scope(row('practice_models', 'input.id'))
  updatePracticeModel(@Args('input') input: UpdatePracticeModelInput, @CurrentMember() actor: MemberEntity) {
    return this.service.update(actor, input);
  }

  @Mutation(() => ModelContactInvitation, { description: 'Invites a model’s contact to fill in its case study, and nothing else.' })
  @Scope(row('practice_models', 'input.modelId'))
  inviteModelContact(@Args('input') input: InviteModelContactInput, @CurrentMember() actor: MemberEntity) {
    return this.service.inviteContact(actor, input);
  }

  @ResolveField(() => [ModelContact], { description: 'Who was invited to fill in the case study.' })
  @Scope(parent('workspaceId'))
  contacts(@Parent() model: PracticeModelEntity) {
    return this.service.contacts(model.id);
  }
}
