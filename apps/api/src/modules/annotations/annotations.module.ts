import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AnnotationsResolver, DocumentAnnotationsResolver, RepliesResolver, WorkspaceTagsResolver } from './annotations.resolver';
import { AnnotationsService } from './annotations.service';

@Module({
  imports: [DocumentsModule, NotificationsModule],
  providers: [AnnotationsService, AnnotationsResolver, RepliesResolver, DocumentAnnotationsResolver, WorkspaceTagsResolver],
  exports: [AnnotationsService],
})
export class AnnotationsModule {}
