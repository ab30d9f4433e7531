import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DocumentEntity } from './document.entity';
import { DocumentsService } from './documents.service';

@Resolver(() => WorkspaceEntity)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @ResolveField(() => [DocumentEntity], { description: 'Documents of the workspace, oldest first.' })
  @Scope(parent('id'))
  documents(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
