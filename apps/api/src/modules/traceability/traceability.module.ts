import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { ConsensusModule } from '../consensus/consensus.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { TraceabilityResolver } from './traceability.resolver';
import { TraceabilityService } from './traceability.service';

@Module({
  imports: [DocumentsModule, DecisionsModule, ConsensusModule, EvidenceModule, AnnotationsModule],
  providers: [TraceabilityService, TraceabilityResolver],
  exports: [TraceabilityService],
})
export class TraceabilityModule {}
