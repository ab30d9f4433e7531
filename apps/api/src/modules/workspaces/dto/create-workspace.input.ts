import { LIMITS, Sector } from '@concord/shared';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CreateWorkspaceInput {
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.workspaceNameMax) name!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(LIMITS.descriptionMax) description?: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.organisationMax) organisation!: string;
  @Field(() => Sector) @IsEnum(Sector) sector!: Sector;
}
