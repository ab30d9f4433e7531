// Keyset paging for long lists (the decision log, a draft's annotations, the assessment matrix's
// models): `first` items after an opaque cursor, with the total, so that a request's cost and size do
// not grow with the list. One convention for every paged field:
//   field(first: Int = 50, after: String): XPage! { items: [X!]!, totalCount: Int!, nextCursor: String }
// The cursor is the last item's sort key and id, base64url-encoded JSON; a cursor that does not decode
// is BAD_USER_INPUT on `after`, and `first` outside 1..MAX_PAGE_SIZE likewise.
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from './cursor';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ArgsType()
export class PageArgs {
  // @Allow: the global pipe refuses undecorated properties; pageSize() and decodeCursor() check the values.
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items (1–${MAX_PAGE_SIZE}).` })
  @Allow()
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page; omitted for the first page.' })
  @Allow()
  after?: string | null;
}


/** The GraphQL type of a page of `item`, named `${name}Page`. */
export function PageType<T>(item: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Page`, { description: `A page of ${name} items (keyset paging: pass nextCursor as \`after\` for the next).` })
  class PageOfItems implements Page<T> {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int, { description: 'How many items the whole list holds (with the same filter).' })
    totalCount!: number;

    @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
    nextCursor!: string | null;
  }
  return PageOfItems;
}

export { decodeCursor, encodeCursor, isInteger, isText, pageSize, toPage, UUID } from './cursor';
export type { CursorKey, Page } from './cursor';
