import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ModelsResolver, WorkspaceModelsResolver } from './models.resolver';
import { ModelsService } from './models.service';

@Module({
  imports: [WorkspacesModule],
  providers: [ModelsService, ModelsResolver, WorkspaceModelsResolver],
  exports: [ModelsService],
})
export class ModelsModule {}
