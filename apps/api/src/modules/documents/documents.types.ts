import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DocumentSection', { description: 'A part of a document from one heading to the next.' })
export class DocumentSection {
  @Field({ description: 'The heading’s stable id, or its position ("s0", "s1", …).' }) id!: string;
  @Field() title!: string;
  @Field(() => Int) level!: number;
  @Field() markdown!: string;
  @Field() text!: string;
  @Field(() => Int) wordCount!: number;
}
