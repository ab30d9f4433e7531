import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { row, Scope } from '../../common/rule.decorator';
import { SectionTrace } from './traceability.types';
import { TraceabilityService } from './traceability.service';

@Resolver(() => SectionTrace)
export class TraceabilityResolver {
  constructor(private readonly trace: TraceabilityService) {}

  @Query(() => [SectionTrace], { description: '"Why does this say this?" for each section of the live draft, or for one (sectionId).' })
  @Scope(row('documents', 'documentId'))
  documentTrace(@Args('documentId', { type: () => ID }) documentId: string, @Args('sectionId', { type: () => String, nullable: true }) sectionId?: string | null) {
    return this.trace.documentTrace(documentId, { sectionId });
  }
}
