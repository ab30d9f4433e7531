import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageType } from '../../common/paging';
import { AnnotationEntity } from './annotation.entity';

/** A page of a draft's threads (Document.annotationPage), newest first. */
export const AnnotationPage = PageType(AnnotationEntity, 'Annotation');

/** How many open annotations sit under one heading of a draft (the outline's badges). */
@ObjectType('AnnotationSectionCount')
export class AnnotationSectionCount {
  @Field(() => String, { nullable: true, description: 'The heading’s stable id; null before the first heading.' }) sectionId!: string | null;
  @Field(() => Int) open!: number;
}

/** Replies a page carries per thread: the latest few, with replyCount saying how many there are. */
export const PAGE_REPLY_CAP = 20;
