import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { AuthModule } from '../auth/auth.module';
import { ConsensusModule } from '../consensus/consensus.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { BriefingsController } from './briefings.controller';
import { BriefingsResolver } from './briefings.resolver';
import { BriefingsService } from './briefings.service';

@Module({
  imports: [AuthModule, MilestonesModule, MeetingsModule, DecisionsModule, ConsensusModule, AnnotationsModule, DocumentsModule, ReviewsModule],
  controllers: [BriefingsController],
  providers: [BriefingsService, BriefingsResolver],
  exports: [BriefingsService],
})
export class BriefingsModule {}
