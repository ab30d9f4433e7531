import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { DeliverablesResolver, MilestonesResolver, WorkspaceMilestonesResolver } from './milestones.resolver';
import { MilestonesService } from './milestones.service';

@Module({
  imports: [MeetingsModule, DocumentsModule, ReviewsModule],
  providers: [MilestonesService, MilestonesResolver, DeliverablesResolver, WorkspaceMilestonesResolver],
  exports: [MilestonesService],
})
export class MilestonesModule {}
