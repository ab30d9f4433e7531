import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnnotationEntity } from '../annotations/annotation.entity';
import { CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { FindingEntity } from './finding.entity';

@ObjectType('EvidenceList', { description: 'Findings, case studies and evidence annotations: what a section or a coverage cell rests on.' })
export class EvidenceList {
  @Field(() => [FindingEntity]) findings!: FindingEntity[];
  @Field(() => [CaseStudySubmissionEntity]) caseStudies!: CaseStudySubmissionEntity[];
  @Field(() => [AnnotationEntity], { description: 'EVIDENCE annotations, with the finding or case study they cite.' }) annotations!: AnnotationEntity[];
}

/** What a cell holds, by id; `contents` loads them when a cell is opened. */
export interface CellIds {
  findingIds: string[];
  caseStudyIds: string[];
  annotationIds: string[];
}

@ObjectType('CoverageCell')
export class CoverageCell {
  @Field() challenge!: string;
  @Field(() => Int) findings!: number;
  @Field(() => Int) caseStudies!: number;
  @Field(() => Int) annotations!: number;
  @Field(() => Int) total!: number;
  @Field({ description: 'Nothing covers this section for this challenge.' }) gap!: boolean;
  ids!: CellIds;
}

@ObjectType('CoverageRow')
export class CoverageRow {
  @Field(() => String, { nullable: true, description: 'The heading’s stable id; null for the row of evidence not yet mapped to a section.' }) sectionId!: string | null;
  @Field() title!: string;
  @Field(() => Int) level!: number;
  @Field(() => [CoverageCell], { description: 'One per challenge, in the workspace’s order.' }) cells!: CoverageCell[];
}

@ObjectType('CoverageMatrix', { description: 'Guidance sections × challenges: findings, case studies and evidence annotations per cell.' })
export class CoverageMatrix {
  @Field(() => ID) documentId!: string;
  @Field(() => [String]) challenges!: string[];
  @Field(() => [CoverageRow]) rows!: CoverageRow[];
  @Field(() => Int) gapCount!: number;
}
