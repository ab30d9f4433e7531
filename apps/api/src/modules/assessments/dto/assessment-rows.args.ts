import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MAX_PAGE_SIZE, PageArgs } from '../../../common/paging';

/** Which models' rows: applied on the server, so totalCount and the pages hold for the whole filtered list. */
@InputType()
export class AssessmentRowFilter {
  @Field(() => String, { nullable: true, description: 'Part of the model’s name (case-insensitive).' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these models (a cell’s detail asks for its one model).' })
  @IsOptional()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true, message: 'must be valid ids' })
  modelIds?: string[] | null;
}

/** AssessmentMatrix.rowPage: a page (first, after) of the rows, in the order of the models' names. */
@ArgsType()
export class AssessmentRowsArgs extends PageArgs {
  @Field(() => AssessmentRowFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AssessmentRowFilter) filter?: AssessmentRowFilter | null;
}
