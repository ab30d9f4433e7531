import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { ModelCaseStudiesResolver, SubmissionsResolver, TemplatesResolver, WorkspaceCaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';

@Module({
  imports: [ModelsModule],
  providers: [CaseStudiesService, WorkspaceCaseStudiesResolver, TemplatesResolver, SubmissionsResolver, ModelCaseStudiesResolver],
  exports: [CaseStudiesService],
})
export class CaseStudiesModule {}
