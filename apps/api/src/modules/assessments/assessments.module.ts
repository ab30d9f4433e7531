import { Module } from '@nestjs/common';
import { ConsensusModule } from '../consensus/consensus.module';
import { ModelsModule } from '../models/models.module';
import { AssessmentMatrixResolver, AssessmentResolver, WorkspaceAssessmentResolver } from './assessments.resolver';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [ConsensusModule, ModelsModule],
  providers: [AssessmentsService, AssessmentResolver, AssessmentMatrixResolver, WorkspaceAssessmentResolver],
})
export class AssessmentsModule {}
