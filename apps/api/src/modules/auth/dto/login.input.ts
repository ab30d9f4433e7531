import { LIMITS } from '@concord/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class LoginInput {
  // Not validated as an email: an unknown or malformed address gets the same answer as a wrong password.
  @Field() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.emailMax) email!: string;
  @Field() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(LIMITS.passwordMax) password!: string;
}
