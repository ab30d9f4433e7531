import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { SourceEntity } from './source.entity';
import { EvidenceService } from './evidence.service';

@Resolver(() => WorkspaceEntity)
export class EvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @ResolveField(() => [SourceEntity], { description: 'Literature the guidance is mapped against.' })
  @Scope(parent('id'))
  sources(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
