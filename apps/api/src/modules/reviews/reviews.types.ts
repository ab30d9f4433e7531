import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

@ObjectType('ReviewerInvitation')
export class ReviewerInvitation {
  @Field() email!: string;
  @Field(() => String, { nullable: true, description: 'The invitation link, shown once; null when the person was already a member and was added directly.' }) link!: string | null;
}

@ObjectType('CountEntry')
export class CountEntry {
  @Field() key!: string;
  @Field(() => Int) n!: number;
}

@ObjectType('ReviewSummary', { description: 'Reviewer comments of a closed round, counted.' })
export class ReviewSummaryType {
  @Field(() => Int) total!: number;
  @Field(() => [CountEntry]) bySection!: CountEntry[];
  @Field(() => [CountEntry]) byKind!: CountEntry[];
  @Field(() => [CountEntry]) bySector!: CountEntry[];
  @Field(() => [CountEntry]) byStatus!: CountEntry[];
  @Field(() => [CountEntry], { description: 'EXACT, FUZZY or UNMATCHED re-anchoring onto the live draft.' }) carried!: CountEntry[];
}

export enum ExportFormat {
  CSV = 'CSV',
  MARKDOWN = 'MARKDOWN',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });
