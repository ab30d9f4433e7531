import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentChoice } from './round.entity';

export enum VerdictKind {
  INCLUDE = 'INCLUDE',
  EXCLUDE = 'EXCLUDE',
  NO_CONSENSUS = 'NO_CONSENSUS',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(VerdictKind, { name: 'Verdict' });

@ObjectType('Score')
export class Score {
  @Field(() => ID) itemId!: string;
  @Field(() => Int, { nullable: true }) rating?: number;
  @Field(() => ConsentChoice, { nullable: true }) choice?: ConsentChoice;
  @Field(() => String, { nullable: true }) rationale?: string;
}

@ObjectType('SectorResult', { description: 'One sector’s part of a result; in anonymous rounds a sector with 1 or 2 voters is suppressed.' })
export class SectorResultType {
  @Field() sector!: string;
  @Field(() => Int, { nullable: true }) n!: number | null;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true, description: '1–9: share rating 7–9; consent/approval: share agreeing or approving.' }) agreeShare!: number | null;
  @Field() suppressed!: boolean;
}

@ObjectType('ItemResult')
export class ItemResultType {
  @Field(() => Int) n!: number;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Quartiles by linear interpolation (R type 7).' }) q1!: number | null;
  @Field(() => Float, { nullable: true }) q3!: number | null;
  @Field(() => Float, { nullable: true }) iqr!: number | null;
  @Field(() => [Int], { description: '1–9: counts of ratings 1…9; consent: agree, abstain, disagree, block; approval: approve, reject.' }) distribution!: number[];
  @Field(() => Float) lowShare!: number;
  @Field(() => Float) middleShare!: number;
  @Field(() => Float) highShare!: number;
  @Field(() => VerdictKind) verdict!: VerdictKind;
  @Field(() => [SectorResultType]) bySector!: SectorResultType[];
  @Field(() => Float, { nullable: true, description: 'Change in the share rating 7–9 since the previous round, in percentage points.' }) changeSincePrevious!: number | null;
  @Field(() => Boolean, { nullable: true }) stable!: boolean | null;
  @Field(() => [String], { description: 'Rationales, without names.' }) rationales!: string[];
}

@ObjectType('PreviousFeedback', { description: 'What a voter is shown beside a carried-forward item.' })
export class PreviousFeedback {
  @Field(() => [Int]) distribution!: number[];
  @Field(() => Int, { nullable: true }) myRating!: number | null;
  @Field(() => String, { nullable: true }) myChoice!: string | null;
}

@ObjectType('RoundRule')
export class RoundRule {
  @Field() kind!: string;
  @Field(() => Float, { nullable: true }) agree?: number;
  @Field(() => Float, { nullable: true }) disagree?: number;
  @Field(() => Float, { nullable: true }) quorum?: number;
  @Field(() => Float, { nullable: true }) threshold?: number;
  @Field() crossSector!: boolean;
}
