import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TraceDecision')
export class TraceDecision {
  @Field(() => ID) id!: string;
  @Field() ref!: string;
  @Field() title!: string;
  @Field() statement!: string;
  @Field() status!: string;
  @Field(() => String, { nullable: true, description: 'How strongly it was agreed, e.g. "86% of HE and 80% of NHS members rated 7–9".' }) strength!: string | null;
}

@ObjectType('TraceResult', { description: 'A round result a decision about the section rests on (aggregates only, as the round’s anonymity allows).' })
export class TraceResult {
  @Field(() => ID) roundId!: string;
  @Field() roundTitle!: string;
  @Field(() => Int) roundNumber!: number;
  @Field() criterion!: string;
  @Field() verdict!: string;
  @Field(() => Int) n!: number;
  @Field(() => Float, { nullable: true }) agreeShare!: number | null;
  @Field(() => String, { nullable: true }) strength!: string | null;
}

@ObjectType('TraceFinding')
export class TraceFinding {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() text!: string;
  @Field() sourceTitle!: string;
  @Field() reference!: string;
}

@ObjectType('TraceCaseStudy')
export class TraceCaseStudy {
  @Field(() => ID) id!: string;
  @Field() modelName!: string;
  @Field() status!: string;
}

@ObjectType('TraceAnnotation')
export class TraceAnnotation {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() status!: string;
  @Field() quote!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true }) authorName!: string | null;
}

@ObjectType('SectionTrace', { description: '"Why does this say this?": what a section of the guidance rests on.' })
export class SectionTrace {
  @Field(() => ID) documentId!: string;
  @Field() sectionId!: string;
  @Field() title!: string;
  @Field(() => Int) level!: number;
  @Field(() => [TraceDecision]) decisions!: TraceDecision[];
  @Field(() => [TraceResult]) results!: TraceResult[];
  @Field(() => [TraceFinding]) findings!: TraceFinding[];
  @Field(() => [TraceCaseStudy]) caseStudies!: TraceCaseStudy[];
  @Field(() => [TraceAnnotation]) annotations!: TraceAnnotation[];
}
