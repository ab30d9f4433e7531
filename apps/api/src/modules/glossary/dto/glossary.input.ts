import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const GLOSSARY_LIMITS = { term: 80, expansion: 200, explanation: 600 } as const;

@InputType()
export class DefineGlossaryTermInput {
  @Field(() => ID) @IsUUID() workspaceId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(GLOSSARY_LIMITS.term) term!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(GLOSSARY_LIMITS.expansion) expansion?: string | null;
  @Field() @IsString() @MinLength(1) @MaxLength(GLOSSARY_LIMITS.explanation) explanation!: string;
}

@InputType()
export class UpdateGlossaryEntryInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(GLOSSARY_LIMITS.term) term?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(GLOSSARY_LIMITS.expansion) expansion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(GLOSSARY_LIMITS.explanation) explanation?: string;
}
