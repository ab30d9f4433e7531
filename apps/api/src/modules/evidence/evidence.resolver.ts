import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { oneEach } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { MappedSection } from '../case-studies/case-studies.types';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AddFindingInput, CreateSourceInput, MapCaseStudyInput, UpdateFindingInput, UpdateSourceInput } from './dto/evidence.input';
import { CoverageCell, CoverageMatrix, EvidenceList } from './evidence.types';
import { EvidenceService, SectionCache } from './evidence.service';
import { FindingEntity } from './finding.entity';
import { SourceEntity } from './source.entity';

const caches = new WeakMap<object, SectionCache>();
/** One cache of documents' sections per request. */
function cacheOf(ctx: RequestContext): SectionCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new Map()));
  return c;
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @ResolveField(() => [SourceEntity], { description: 'Literature the guidance is mapped against.' })
  @Scope(parent('id'))
  sources(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }

  @ResolveField(() => [FindingEntity], { description: 'Findings extracted from the sources.' })
  @Scope(parent('id'))
  findings(@Parent() workspace: WorkspaceEntity) {
    return this.service.findings(workspace.id);
  }
}

@Resolver(() => SourceEntity)
export class SourcesResolver {
  constructor(private readonly service: EvidenceService) {}

  @Mutation(() => SourceEntity)
  @Scope(arg('input.workspaceId'))
  createSource(@Args('input') input: CreateSourceInput, @CurrentMember() actor: MemberEntity) {
    return this.service.createSource(actor, input);
  }

  @Mutation(() => SourceEntity)
  @Scope(row('sources', 'input.id'))
  updateSource(@Args('input') input: UpdateSourceInput, @CurrentMember() actor: MemberEntity) {
    return this.service.updateSource(actor, input);
  }

  @ResolveField(() => [FindingEntity])
  findings(@Parent() source: SourceEntity) {
    return this.service.findings(source.workspaceId, source.id);
  }
}

@Resolver(() => FindingEntity)
export class FindingsResolver {
  constructor(private readonly service: EvidenceService) {}

  @Mutation(() => FindingEntity)
  @Scope(row('sources', 'input.sourceId'))
  addFinding(@Args('input') input: AddFindingInput, @CurrentMember() actor: MemberEntity) {
    return this.service.addFinding(actor, input);
  }

  @Mutation(() => FindingEntity)
  @Scope(row('findings', 'input.id'))
  updateFinding(@Args('input') input: UpdateFindingInput, @CurrentMember() actor: MemberEntity) {
    return this.service.updateFinding(actor, input);
  }

  @Mutation(() => Boolean)
  @Scope(row('findings', 'id'))
  deleteFinding(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.service.deleteFinding(actor, id);
  }

  @ResolveField(() => SourceEntity)
  async source(@Parent() f: FindingEntity, @Context() ctx: RequestContext) {
    const sources = ctx.loaders.get('evidence.source', async (ids: readonly string[]) => oneEach(ids, await this.service.sourcesByIds(ids), (s) => s.id));
    return sources.load(f.sourceId);
  }

  @ResolveField(() => [MappedSection], { description: 'Guidance sections it is mapped to, by the heading’s stable id.' })
  sections(@Parent() f: FindingEntity, @Context() ctx: RequestContext) {
    return this.service.mappedSections({ findingId: f.id }, cacheOf(ctx));
  }
}

@Resolver(() => CaseStudySubmissionEntity)
export class CaseStudyMappingResolver {
  constructor(private readonly service: EvidenceService) {}

  @Mutation(() => CaseStudySubmissionEntity, { description: 'Maps a case study to guidance sections (replacing its earlier mapping).' })
  @Scope(row('case_study_submissions', 'input.submissionId'))
  mapCaseStudy(@Args('input') input: MapCaseStudyInput, @CurrentMember() actor: MemberEntity) {
    return this.service.mapCaseStudy(actor, input);
  }

  @ResolveField(() => [MappedSection], { description: 'Guidance sections it is mapped to.' })
  sections(@Parent() s: CaseStudySubmissionEntity, @Context() ctx: RequestContext) {
    return this.service.mappedSections({ submissionId: s.id }, cacheOf(ctx));
  }
}

@Resolver(() => CoverageMatrix)
export class CoverageResolver {
  constructor(private readonly service: EvidenceService) {}

  @Query(() => CoverageMatrix, { description: 'Sections of a guidance document × challenges.' })
  @Scope(row('documents', 'documentId'))
  coverage(@Args('documentId', { type: () => ID }) documentId: string) {
    return this.service.coverage(documentId);
  }

  @Query(() => EvidenceList, { description: '“Why does this say this?”: the findings, case studies and evidence annotations behind a section.' })
  @Scope(row('documents', 'documentId'))
  sectionEvidence(@Args('documentId', { type: () => ID }) documentId: string, @Args('sectionId') sectionId: string) {
    return this.service.sectionEvidence(documentId, sectionId);
  }
}

@Resolver(() => CoverageCell)
export class CoverageCellResolver {
  constructor(private readonly service: EvidenceService) {}

  @ResolveField(() => EvidenceList, { description: 'What the cell holds.' })
  contents(@Parent() cell: CoverageCell) {
    return this.service.contents(cell.ids);
  }
}
