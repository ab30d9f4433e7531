import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module';
import { DocumentsModule } from '../modules/documents/documents.module';
import { WorkspacesModule } from '../modules/workspaces/workspaces.module';
import { CollaborationServer } from './collaboration.server';

@Module({
  imports: [AuthModule, DocumentsModule, WorkspacesModule],
  providers: [CollaborationServer],
  exports: [CollaborationServer],
})
export class CollaborationModule {}
