import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested, ValidateIf } from 'class-validator';
import { DeliverableTieKind } from '../milestone.entity';

/** Optional, but not null: an omitted field stays as it is; null is refused where the value is required. */
const IfGiven = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ID_MESSAGE = { message: 'must be a valid id' };

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) @IsString() startsOn!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) @IsString() dueDate!: string;
  @Field(() => Int, { nullable: true, description: 'Default 14.' }) @IsOptional() @IsInt() @Min(0) @Max(365) riskWindowDays?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() gatesDraft?: boolean;
}

/** An omitted field stays as it is. Every deliverable must still fall within the new range. */
@InputType()
export class UpdateMilestoneInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title?: string;
  @Field({ nullable: true }) @IfGiven() @IsString() startsOn?: string;
  @Field({ nullable: true }) @IfGiven() @IsString() dueDate?: string;
  @Field(() => Int, { nullable: true }) @IfGiven() @IsInt() @Min(0) @Max(365) riskWindowDays?: number;
  @Field({ nullable: true }) @IfGiven() @IsBoolean() gatesDraft?: boolean;
}

@InputType()
export class AddDeliverableInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) milestoneId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) title!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London; within the milestone’s range.' }) @IsString() dueDate!: string;
  @Field(() => ID, { nullable: true, description: 'A lead, editor or member of the workspace.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) ownerId?: string;
  @Field(() => DeliverableTieKind, { nullable: true, description: 'The kind of event that ticks it.' }) @IsOptional() @IsEnum(DeliverableTieKind) tieKind?: DeliverableTieKind;
  @Field(() => ID, { nullable: true, description: 'What that event must concern (see Deliverable.tieTargetId).' }) @IsOptional() @IsUUID('all', ID_MESSAGE) tieTargetId?: string;
}

/** An omitted field stays as it is; null clears ownerId, tieKind (and its target) or tieTargetId. */
@InputType()
export class UpdateDeliverableInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) title?: string;
  @Field({ nullable: true }) @IfGiven() @IsString() dueDate?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', ID_MESSAGE) ownerId?: string | null;
  @Field(() => DeliverableTieKind, { nullable: true }) @IsOptional() @IsEnum(DeliverableTieKind) tieKind?: DeliverableTieKind | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', ID_MESSAGE) tieTargetId?: string | null;
}

@InputType()
export class GateReviewInput {
  @Field({ nullable: true, description: 'Default: "Stakeholder review: <version name>".' }) @IsOptional() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title?: string;
  @Field({ description: 'When reviewers lose access and the round closes.' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) closesAt!: Date;
}

@InputType()
export class TriggerMilestoneGateInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) milestoneId!: string;
  @Field(() => ID, { description: 'The draft to freeze.' }) @IsUUID('all', ID_MESSAGE) documentId!: string;
  @Field({ description: 'The frozen version’s name, e.g. "Draft for Taskforce 19 April".' }) @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) versionName!: string;
  @Field(() => GateReviewInput, { nullable: true, description: 'Also open a stakeholder review round from the frozen version.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GateReviewInput)
  openReview?: GateReviewInput;
}
