import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { CriterionEntity } from './criterion.entity';
import { ConsensusService } from './consensus.service';

@Resolver(() => WorkspaceEntity)
export class ConsensusResolver {
  constructor(private readonly service: ConsensusService) {}

  @ResolveField(() => [CriterionEntity], { description: 'Candidate criteria for models of good practice.' })
  @Scope(parent('id'))
  criteria(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
