import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { PracticeModelEntity } from './practice-model.entity';
import { ModelsService } from './models.service';

@Resolver(() => WorkspaceEntity)
export class ModelsResolver {
  constructor(private readonly service: ModelsService) {}

  @ResolveField(() => [PracticeModelEntity], { description: 'Candidate models of good practice.' })
  @Scope(parent('id'))
  models(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
