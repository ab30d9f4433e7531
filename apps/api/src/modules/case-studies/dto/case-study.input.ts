import { FIELD_LIMITS, FIELD_TYPES, FieldType } from '@concord/assessment';
import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

/** The field types of libs/assessment as a GraphQL enum (values named as they are stored). */
export const CaseStudyFieldType = Object.fromEntries(FIELD_TYPES.map((t) => [t, t])) as { [K in FieldType]: K };
registerEnumType(CaseStudyFieldType, { name: 'CaseStudyFieldType', description: 'Text, long text, number, date, single choice, multiple choice, URL.' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KEY = /^[A-Za-z0-9_-]{1,64}$/;

@InputType()
export class TemplateFieldInput {
  @Field(() => String, { nullable: true, description: 'Keep a field’s id across versions so its answers carry over; omit for a new field.' })
  @IsOptional() @Matches(KEY, { message: 'must be 1–64 letters, digits, - or _' }) id?: string | null;
  @Field() @Transform(trim) @IsString() @MaxLength(FIELD_LIMITS.labelMax) label!: string;
  @Field(() => CaseStudyFieldType) @IsString() type!: FieldType;
  @Field({ defaultValue: false }) @IsBoolean() required!: boolean;
  @Field({ defaultValue: '' }) @Transform(trim) @IsString() @MaxLength(FIELD_LIMITS.helpMax) help!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(FIELD_LIMITS.optionsMax) @IsString({ each: true }) options?: string[] | null;
}

@InputType()
export class TemplateSectionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(KEY, { message: 'must be 1–64 letters, digits, - or _' }) id?: string | null;
  @Field() @Transform(trim) @IsString() @MaxLength(FIELD_LIMITS.sectionTitleMax) title!: string;
  @Field(() => [TemplateFieldInput]) @IsArray() @ArrayMaxSize(FIELD_LIMITS.fieldsMax) @ValidateNested({ each: true }) @Type(() => TemplateFieldInput) fields!: TemplateFieldInput[];
}

@InputType()
export class SaveTemplateInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field(() => [TemplateSectionInput], { description: 'Sections and fields in order.' }) @IsArray() @ArrayMaxSize(FIELD_LIMITS.sectionsMax) @ValidateNested({ each: true }) @Type(() => TemplateSectionInput) sections!: TemplateSectionInput[];
}

@InputType()
export class CaseStudyAnswerInput {
  @Field() @IsString() @MaxLength(64) fieldId!: string;
  @Field(() => String, { nullable: true, description: 'For text, long text, number, date and URL fields.' }) @IsOptional() @IsString() @MaxLength(FIELD_LIMITS.longTextMax + 1000) value?: string | null;
  @Field(() => [String], { nullable: true, description: 'For single- and multiple-choice fields.' }) @IsOptional() @IsArray() @ArrayMaxSize(FIELD_LIMITS.optionsMax) @IsString({ each: true }) choices?: string[] | null;
}

@InputType()
export class SaveCaseStudyInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) modelId!: string;
  @Field(() => [CaseStudyAnswerInput], { description: 'Every answer of the form; a field left out is left empty.' }) @IsArray() @ArrayMaxSize(FIELD_LIMITS.fieldsMax) @ValidateNested({ each: true }) @Type(() => CaseStudyAnswerInput) answers!: CaseStudyAnswerInput[];
}
