import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ModelRating } from '../model-rating.entity';

export const RATING_NOTE_MAX = 5000;

@InputType()
export class RateModelInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) modelId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) criterionId!: string;
  @Field(() => ModelRating) @IsEnum(ModelRating) rating!: ModelRating;
  @Field({ defaultValue: '', description: 'The evidence for the rating.' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(RATING_NOTE_MAX) note!: string;
  @Field(() => ID, { nullable: true, description: 'A finding the rating rests on.' }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) findingId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A case study of this model the rating rests on.' }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) submissionId?: string | null;
  @Field(() => String, { nullable: true, description: 'With submissionId: the field of the case study.' }) @IsOptional() @IsString() @MaxLength(64) fieldId?: string | null;
}
