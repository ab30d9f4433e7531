import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MeetingKind } from '../meeting.entity';

/** Optional, but not null: an omitted field stays as it is; null is refused where the value is required. */
const IfGiven = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ID_MESSAGE = { message: 'must be a valid id' };
export const AGENDA_ITEMS_MAX = 50;
export const AGENDA_ITEM_MAX = 300;

@InputType()
export class CreateMeetingInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field(() => MeetingKind) @IsEnum(MeetingKind, { message: 'must be TASKFORCE or WORKING_GROUP' }) kind!: MeetingKind;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) @IsString() date!: string;
  @Field(() => ID, { nullable: true, description: 'The milestone the meeting serves.' }) @IsOptional() @IsUUID('all', ID_MESSAGE) milestoneId?: string;
  @Field(() => [String], { nullable: true, description: 'Agenda items, in order.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @ArrayMaxSize(AGENDA_ITEMS_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each item needs a title' })
  @MaxLength(AGENDA_ITEM_MAX, { each: true })
  agenda?: string[];
}

/** An omitted field stays as it is; milestoneId null unlinks the milestone. */
@InputType()
export class UpdateMeetingInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field({ nullable: true }) @IfGiven() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title?: string;
  @Field(() => MeetingKind, { nullable: true }) @IfGiven() @IsEnum(MeetingKind, { message: 'must be TASKFORCE or WORKING_GROUP' }) kind?: MeetingKind;
  @Field({ nullable: true, description: 'YYYY-MM-DD, Europe/London.' }) @IfGiven() @IsString() date?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', ID_MESSAGE) milestoneId?: string | null;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) meetingId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(AGENDA_ITEM_MAX) title!: string;
  @Field(() => Int, { nullable: true, description: '1-based place in the agenda; omitted: at the end.' }) @IsOptional() @IsInt() @Min(1) @Max(AGENDA_ITEMS_MAX) position?: number;
}

@ArgsType()
export class UpdateAgendaItemArgs {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(AGENDA_ITEM_MAX) title!: string;
}

@ArgsType()
export class MoveAgendaItemArgs {
  @Field(() => ID) @IsUUID('all', ID_MESSAGE) id!: string;
  @Field(() => Int, { description: '1-based place in the agenda (past the end: last).' }) @IsInt() @Min(1) @Max(AGENDA_ITEMS_MAX) position!: number;
}
