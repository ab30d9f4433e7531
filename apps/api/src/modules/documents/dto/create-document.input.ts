import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CreateDocumentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) workspaceId!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field(() => Int, { nullable: true, description: 'Words the whole document should stay within.' }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) wordBudget?: number;
}

@InputType()
export class UpdateDocumentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a valid id' }) id!: string;
  @Field() @Transform(trim) @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(200) title!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) wordBudget?: number;
}
