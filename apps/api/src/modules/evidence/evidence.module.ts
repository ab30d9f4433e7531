import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { DocumentsModule } from '../documents/documents.module';
import { CaseStudyMappingResolver, CoverageCellResolver, CoverageResolver, FindingsResolver, SourcesResolver, WorkspaceEvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [DocumentsModule, AnnotationsModule, CaseStudiesModule],
  providers: [EvidenceService, WorkspaceEvidenceResolver, SourcesResolver, FindingsResolver, CaseStudyMappingResolver, CoverageResolver, CoverageCellResolver],
  exports: [EvidenceService],
})
export class EvidenceModule {}
