import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { AnnotationKind } from '../annotation.entity';

export const ANNOTATION_BODY_MAX = 10_000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class AddAnnotationInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) documentId!: string;
  @Field(() => AnnotationKind) @IsEnum(AnnotationKind) kind!: AnnotationKind;
  @Field({ description: 'Two base64url Yjs relative positions joined by a dot (CONTRACT "Anchors").' }) @IsString() @MinLength(3) @MaxLength(2000) anchor!: string;
  @Field({ description: 'The text between the two positions, block boundaries read as a newline.' }) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) quote!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) body!: string;
  @Field({ nullable: true, description: 'The replacement text of a SUGGESTION.' }) @IsOptional() @IsString() @MaxLength(ANNOTATION_BODY_MAX) suggestion?: string;
  @Field({ nullable: true, description: 'For EVIDENCE: where the evidence is.' }) @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' }) @MaxLength(2000) evidenceUrl?: string;
  @Field(() => ID, { nullable: true, description: 'For EVIDENCE: a finding of this workspace it cites.' }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) findingId?: string;
  @Field(() => ID, { nullable: true, description: 'For EVIDENCE: a case-study submission of this workspace it cites.' }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) caseStudyId?: string;
  @Field(() => [String], { nullable: true, description: 'Labels from the workspace’s challenge tags.' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) tags?: string[];
  @Field(() => [ID], { nullable: true, description: 'Members mentioned in the body; each gets a notification.' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be member ids' }) mentions?: string[];
}

@ArgsType()
export class ReplyArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) annotationId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) body!: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be member ids' }) mentions?: string[];
}

@InputType()
export class EditTextInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) body!: string;
}
