import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CriterionEntity } from '../consensus/criterion.entity';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { ModelRating, ModelRatingEntity } from './model-rating.entity';

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
  @Field(() => [ModelRatingEntity]) ratings!: ModelRatingEntity[];
  @Field(() => ModelRatingEntity, { nullable: true, description: 'Your own rating.' }) mine!: ModelRatingEntity | null;
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

@ObjectType('AssessmentMatrix', { description: 'Models × criteria, with each member’s ratings and the aggregate per cell and model.' })
export class AssessmentMatrix {
  @Field(() => CriteriaBasis) basis!: CriteriaBasis;
  @Field(() => [CriterionEntity]) criteria!: CriterionEntity[];
  @Field(() => [AssessmentRow]) rows!: AssessmentRow[];
}
