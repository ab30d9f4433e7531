import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageType } from '../../common/paging';
import { CriterionEntity } from '../consensus/criterion.entity';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { ModelRating } from './model-rating.entity';

export enum CriteriaBasis {
  /** Criteria whose latest closed round reached INCLUDE (or PASSED). */
  AGREED = 'AGREED',
  /** No round has closed yet: every candidate criterion, provisionally. */
  CANDIDATE = 'CANDIDATE',
}
registerEnumType(CriteriaBasis, { name: 'CriteriaBasis' });

export enum GapReason {
  NOT_RATED = 'NOT_RATED',
  MOSTLY_UNKNOWN = 'MOSTLY_UNKNOWN',
  NO_EVIDENCE = 'NO_EVIDENCE',
}
registerEnumType(GapReason, { name: 'GapReason', description: 'NOT_RATED: nobody rated it; MOSTLY_UNKNOWN: half or more say unknown; NO_EVIDENCE: met or partly, but nobody cites evidence.' });

@ObjectType('RatingCounts')
export class RatingCounts {
  @Field(() => Int) met!: number;
  @Field(() => Int) partly!: number;
  @Field(() => Int) notMet!: number;
  @Field(() => Int) unknown!: number;
}

@ObjectType('AssessmentCell')
export class AssessmentCell {
  @Field(() => ID) modelId!: string;
  @Field(() => ID) criterionId!: string;
  @Field(() => Int) n!: number;
  @Field(() => RatingCounts) counts!: RatingCounts;
  @Field(() => ModelRating, { nullable: true, description: 'The view of more than half of the raters; null when none has a majority.' }) majority!: ModelRating | null;
  @Field({ description: 'Raters split: met against not met, or no majority among two or more.' }) disagreement!: boolean;
  // `ratings` and `mine` are field resolvers (assessments.resolver.ts), batched per request: the table asks for neither.
  /** Whose rating is `mine` (the member viewing); not exposed. */
  viewerId!: string | null;
}

@ObjectType('EvidenceGap')
export class EvidenceGap {
  @Field(() => ID) criterionId!: string;
  @Field(() => GapReason) reason!: GapReason;
}

@ObjectType('AssessmentRow')
export class AssessmentRow {
  @Field(() => PracticeModelEntity) model!: PracticeModelEntity;
  @Field({ description: 'A majority say met for every criterion of the matrix.' }) strongCandidate!: boolean;
  @Field(() => Int) metCount!: number;
  @Field(() => [AssessmentCell], { description: 'One per criterion, in the criteria’s order.' }) cells!: AssessmentCell[];
  @Field(() => [EvidenceGap]) evidenceGaps!: EvidenceGap[];
}

export const AssessmentRowPage = PageType(AssessmentRow, 'AssessmentRow');

// `rows`, `rowPage` and `strongCandidateCount` are field resolvers (assessments.resolver.ts): each
// computes only what is asked, so the criteria of a screen cost nothing of the rows.
@ObjectType('AssessmentMatrix', { description: 'Models × criteria, with each member’s ratings and the aggregate per cell and model.' })
export class AssessmentMatrix {
  @Field(() => CriteriaBasis) basis!: CriteriaBasis;
  @Field(() => [CriterionEntity]) criteria!: CriterionEntity[];
  /** Not exposed: the workspace, and the member viewing (for `mine`). */
  workspaceId!: string;
  viewerId!: string | null;
}
