import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/paging';
import { AnnotationFilterInput } from './annotation-filter.input';

/** Document.annotationPage: a page (first, after) of the draft's threads, filtered as the panel is. */
@ArgsType()
export class AnnotationPageArgs extends PageArgs {
  @Field(() => AnnotationFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AnnotationFilterInput) filter?: AnnotationFilterInput | null;
}
