import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested, ValidateIf } from 'class-validator';
import { DecisionStatus } from '../decision.entity';

/** Optional, but not null: an omitted field stays as it is; null is refused where the value is required. */
const IfGiven = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ID_MESSAGE = { message: 'must be a valid id' };
const EACH_ID = { each: true, message: 'must hold valid ids' };
/** The most links of one kind a decision holds. */
export const DECISION_LINKS_MAX = 50;

@InputType()
export class DecisionSectionInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) documentId!: string;
  @Field({ description: 'The heading id, as in Document.sections.' }) @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a heading id' }) sectionId!: string;
}

@InputType()
export class ProposeDecisionInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required: a decision says what was decided' }) @MaxLength(5000) statement!: string;
  @Field() @Transform(trim) @IsString() @MaxLength(5000) rationale!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', ID_MESSAGE) milestoneId?: string;
  @Field(() => ID, { nullable: true, description: 'The round result (round item) it rests on.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) roundItemId?: string;
  @Field(() => [ID], { nullable: true, description: 'Further round results.' }) @IsOptional() @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) roundItemIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) annotationIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) sourceIds?: string[];
  @Field(() => [DecisionSectionInput], { nullable: true }) @IsOptional() @ArrayMaxSize(DECISION_LINKS_MAX) @ValidateNested({ each: true }) @Type(() => DecisionSectionInput) sections?: DecisionSectionInput[];
  @Field(() => ID, { nullable: true, description: 'Proposes a replacement for this agreed decision: agreeing the proposal supersedes it.' })
  @IsOptional()
  @IsUUID('all', ID_MESSAGE)
  supersedesId?: string;
}

/** Changes a PROPOSED decision; an omitted field stays as it is. An agreed decision is never edited. */
@InputType()
export class UpdateDecisionInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title?: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MinLength(1, { message: 'is required: a decision says what was decided' }) @MaxLength(5000) statement?: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MaxLength(5000) rationale?: string;
  @Field(() => ID, { nullable: true, description: 'null unlinks the milestone.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) milestoneId?: string | null;
  @Field(() => [ID], { nullable: true }) @IfGiven() @IsArray({ message: 'must be a list' }) @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) roundItemIds?: string[];
  @Field(() => [ID], { nullable: true }) @IfGiven() @IsArray({ message: 'must be a list' }) @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) annotationIds?: string[];
  @Field(() => [ID], { nullable: true }) @IfGiven() @IsArray({ message: 'must be a list' }) @ArrayMaxSize(DECISION_LINKS_MAX) @IsUUID('all', EACH_ID) sourceIds?: string[];
  @Field(() => [DecisionSectionInput], { nullable: true }) @IfGiven() @IsArray({ message: 'must be a list' }) @ArrayMaxSize(DECISION_LINKS_MAX) @ValidateNested({ each: true }) @Type(() => DecisionSectionInput) sections?: DecisionSectionInput[];
}

@InputType()
export class DecisionFilterInput {
  @Field(() => DecisionStatus, { nullable: true }) @IsOptional() @IsEnum(DecisionStatus) status?: DecisionStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', ID_MESSAGE) milestoneId?: string;
  @Field(() => ID, { nullable: true, description: 'Decisions agreed at this meeting.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) meetingId?: string;
  @Field({ nullable: true, description: 'Words in the title, statement or rationale, or a number ("D-004", "4").' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) search?: string;
  @Field({ nullable: true, description: 'Agreed at or after this instant.' }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) agreedAfter?: Date;
  @Field({ nullable: true, description: 'Agreed before this instant.' }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) agreedBefore?: Date;
}

/** Where a decision is agreed: at a meeting or by a closed consensus round (neither: recorded by the lead). */
@ArgsType()
export class AgreeDecisionArgs {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field(() => ID, { nullable: true, description: 'The meeting at which it was agreed.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) meetingId?: string;
  @Field(() => ID, { nullable: true, description: 'The closed consensus round by which it was agreed.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) roundId?: string;
}

@ArgsType()
export class SupersedeDecisionArgs extends AgreeDecisionArgs {
  @Field(() => ProposeDecisionInput) @ValidateNested() @Type(() => ProposeDecisionInput) input!: ProposeDecisionInput;
}
