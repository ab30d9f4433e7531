import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AnnotationTriageResolver, ReviewsResolver, WorkspaceReviewsResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [DocumentsModule, WorkspacesModule],
  providers: [ReviewsService, ReviewsResolver, WorkspaceReviewsResolver, AnnotationTriageResolver],
  exports: [ReviewsService],
})
export class ReviewsModule {}
