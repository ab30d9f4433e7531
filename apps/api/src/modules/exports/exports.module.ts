import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConsensusModule } from '../consensus/consensus.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { GlossaryModule } from '../glossary/glossary.module';
import { TraceabilityModule } from '../traceability/traceability.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [AuthModule, DocumentsModule, DecisionsModule, ConsensusModule, GlossaryModule, TraceabilityModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
