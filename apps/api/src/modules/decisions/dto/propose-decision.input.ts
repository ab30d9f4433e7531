import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class ProposeDecisionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required: a decision says what was decided' }) @MaxLength(5000) statement!: string;
  @Field() @Transform(trim) @IsString() @MaxLength(5000) rationale!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) milestoneId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) roundItemId?: string;
}
