import { LIMITS, Role, Sector } from '@concord/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class InviteMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(trim) @MaxLength(LIMITS.emailMax) @IsEmail({}, { message: 'must be a valid email address' }) email!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.organisationMax) organisation!: string;
  @Field(() => Sector) @IsEnum(Sector) sector!: Sector;
}
