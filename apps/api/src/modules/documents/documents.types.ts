import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

@ObjectType('DocumentSection', { description: 'A part of a document from one heading to the next.' })
export class DocumentSection {
  @Field({ description: 'The heading’s stable id, or its position ("s0", "s1", …).' }) id!: string;
  @Field() title!: string;
  @Field(() => Int) level!: number;
  @Field() markdown!: string;
  @Field() text!: string;
  @Field(() => Int) wordCount!: number;
}

export enum DiffKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(DiffKind, { name: 'DiffKind' });

@ObjectType('DiffChunk', { description: 'A run of text between two versions, as Markdown: added, removed or unchanged.' })
export class DiffChunk {
  @Field(() => DiffKind) kind!: DiffKind;
  @Field() text!: string;
}
