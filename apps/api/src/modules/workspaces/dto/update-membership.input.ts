import { LIMITS, Sector } from '@concord/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.organisationMax) organisation!: string;
  @Field(() => Sector) @IsEnum(Sector) sector!: Sector;
}
