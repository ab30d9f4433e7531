import { LIMITS, Sector } from '@concord/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AnnotationKind } from '../../annotations/annotation.entity';
import { ANNOTATION_BODY_MAX } from '../../annotations/dto/add-annotation.input';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class OpenReviewRoundInput {
  @Field(() => ID, { description: 'The named version to share.' }) @IsUUID('all', { message: 'must be a valid id' }) versionId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field({ description: 'When reviewers lose access and the round closes.' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) closesAt!: Date;
}

@InputType()
export class InviteReviewerInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) roundId!: string;
  @Field() @Transform(trim) @MaxLength(LIMITS.emailMax) @IsEmail({}, { message: 'must be a valid email address' }) email!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.organisationMax) organisation!: string;
  @Field(() => Sector) @IsEnum(Sector) sector!: Sector;
}

@InputType()
export class ReviewAnnotationInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) roundId!: string;
  @Field(() => AnnotationKind) @IsIn([AnnotationKind.COMMENT, AnnotationKind.QUESTION, AnnotationKind.SUGGESTION], { message: 'must be COMMENT, QUESTION or SUGGESTION' }) kind!: AnnotationKind;
  @Field() @IsString() @MinLength(3) @MaxLength(2000) anchor!: string;
  @Field() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) quote!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(ANNOTATION_BODY_MAX) body!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(ANNOTATION_BODY_MAX) suggestion?: string;
}
