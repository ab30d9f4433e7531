import { Role, Sector } from '@concord/shared';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ConsentChoice, Scale } from '../round.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'Thresholds of the verdict rule; defaults per scale (COMET for 1–9, ⅔ and a 50% quorum for consent, 50% for approval).' })
export class RuleInput {
  @Field(() => Float, { nullable: true, description: '1–9: share rating 7–9 to include (or 1–3 to exclude); consent: share agreeing.' }) @IsOptional() @IsNumber() @Min(0.5) @Max(1) agree?: number;
  @Field(() => Float, { nullable: true, description: '1–9: the dissenting share must stay under this.' }) @IsOptional() @IsNumber() @Min(0) @Max(0.5) disagree?: number;
  @Field(() => Float, { nullable: true, description: 'Consent: share of eligible voters who must take part.' }) @IsOptional() @IsNumber() @Min(0) @Max(1) quorum?: number;
  @Field(() => Float, { nullable: true, description: 'Approval: share approving.' }) @IsOptional() @IsNumber() @Min(0) @Max(1) threshold?: number;
  @Field({ nullable: true, description: 'The rule must also hold within HE and within NHS separately.' }) @IsOptional() @IsBoolean() crossSector?: boolean;
}

@InputType()
export class CreateRoundInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field(() => Scale) @IsEnum(Scale) scale!: Scale;
  @Field() @IsBoolean() anonymous!: boolean;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be criterion ids' }) criterionIds!: string[];
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) opensAt?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) closesAt?: Date;
  @Field(() => RuleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => RuleInput) rule?: RuleInput;
  @Field(() => [Role], { nullable: true, description: 'Who may vote; default lead, editor and member.' }) @IsOptional() @IsArray() @IsEnum(Role, { each: true }) eligibleRoles?: Role[];
  @Field(() => [Sector], { nullable: true, description: 'Sectors that may vote; default all.' }) @IsOptional() @IsArray() @IsEnum(Sector, { each: true }) eligibleSectors?: Sector[];
  @Field({ nullable: true, description: 'Show results while the round is open.' }) @IsOptional() @IsBoolean() liveResults?: boolean;
}

@InputType({ description: 'Changes to a draft round; a field left out is unchanged. The rule and the items freeze when the round opens, so after that any change is a CONFLICT.' })
export class UpdateRoundInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() anonymous?: boolean;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be criterion ids' }) criterionIds?: string[];
  @Field(() => Date, { nullable: true, description: 'Null clears the opening time.' }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) opensAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Null clears the closing time.' }) @IsOptional() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) closesAt?: Date | null;
  @Field(() => RuleInput, { nullable: true, description: 'Replaces the rule (defaults per scale for thresholds left out).' }) @IsOptional() @ValidateNested() @Type(() => RuleInput) rule?: RuleInput;
  @Field(() => [Role], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Role, { each: true }) eligibleRoles?: Role[];
  @Field(() => [Sector], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Sector, { each: true }) eligibleSectors?: Sector[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() liveResults?: boolean;
}

@InputType('ScoreInput')
export class CastScoreInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) itemId!: string;
  @Field(() => Int, { nullable: true, description: 'For 1–9 rounds.' }) @IsOptional() @IsInt({ message: 'must be a whole number' }) rating?: number;
  @Field(() => ConsentChoice, { nullable: true, description: 'For consent and approval rounds.' }) @IsOptional() @IsEnum(ConsentChoice) choice?: ConsentChoice;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) rationale?: string;
}

@InputType()
export class ProposeCriterionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(1000) statement!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) rationale?: string;
}
