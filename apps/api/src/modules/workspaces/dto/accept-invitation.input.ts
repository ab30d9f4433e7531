import { LIMITS } from '@concord/shared';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'name is required when no account exists for the invited email; password is the existing account\'s, or the new one\'s.' })
export class AcceptInvitationInput {
  @Field() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.invitationTokenMax) token!: string;
  @Field({ nullable: true }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(LIMITS.nameMax) name?: string;
  @Field() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.passwordMax) password!: string;
}
