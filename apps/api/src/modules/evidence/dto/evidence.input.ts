import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FindingKind } from '../finding.entity';
import { SourceType } from '../source.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const FINDING_TEXT_MAX = 5000;

@InputType()
export class SourceFields {
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(500) title!: string;
  @Field({ description: 'Authors, or the organisation.' }) @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(500) authors!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1900) @Max(2100) year?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) publisher?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' }) @MaxLength(2000) url?: string | null;
  @Field(() => SourceType) @IsEnum(SourceType) type!: SourceType;
}

@InputType()
export class CreateSourceInput extends SourceFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
}

@InputType()
export class UpdateSourceInput extends SourceFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
}

@InputType({ description: 'A guidance section, by its document and the heading’s stable id.' })
export class SectionRefInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) documentId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(64) sectionId!: string;
}

@InputType()
export class FindingFields {
  @Field(() => FindingKind) @IsEnum(FindingKind) kind!: FindingKind;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(FINDING_TEXT_MAX) text!: string;
  @Field({ defaultValue: '', description: 'Page or section of the source.' }) @Transform(trim) @IsString() @MaxLength(200) reference!: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) tags!: string[];
  @Field(() => [SectionRefInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => SectionRefInput) sections!: SectionRefInput[];
}

@InputType()
export class AddFindingInput extends FindingFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) sourceId!: string;
}

@InputType()
export class UpdateFindingInput extends FindingFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
}

@InputType()
export class MapCaseStudyInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) submissionId!: string;
  @Field(() => [SectionRefInput]) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => SectionRefInput) sections!: SectionRefInput[];
}
