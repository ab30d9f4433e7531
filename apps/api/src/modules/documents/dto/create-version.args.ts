import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class CreateVersionArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) documentId!: string;
  @Field() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) name!: string;
}
