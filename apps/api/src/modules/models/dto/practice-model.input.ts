import { LIMITS, Sector } from '@concord/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ModelType, NhsRegion } from '../practice-model.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const MODEL_TEXT_MAX = 5000;

@InputType()
export class PracticeModelFields {
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) name!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(1000) leadProviders!: string;
  @Field() @Transform(trim) @IsString() @MaxLength(1000) nhsPartners!: string;
  @Field(() => NhsRegion) @IsEnum(NhsRegion, { message: 'must be one of the seven NHS England regions' }) region!: NhsRegion;
  @Field(() => ModelType) @IsEnum(ModelType) type!: ModelType;
  @Field() @Transform(trim) @IsString() @MaxLength(MODEL_TEXT_MAX) summary!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) contact?: string | null;
}

@InputType()
export class CreatePracticeModelInput extends PracticeModelFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
}

@InputType()
export class UpdatePracticeModelInput extends PracticeModelFields {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
}

@InputType()
export class InviteModelContactInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) modelId!: string;
  @Field() @Transform(trim) @MaxLength(LIMITS.emailMax) @IsEmail({}, { message: 'must be a valid email address' }) email!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.organisationMax) organisation!: string;
  @Field(() => Sector) @IsEnum(Sector) sector!: Sector;
}
