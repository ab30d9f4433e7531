import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageType } from '../../common/paging';
import { DecisionEntity } from './decision.entity';

export enum DecisionLinkKind {
  MILESTONE = 'MILESTONE',
  ROUND_RESULT = 'ROUND_RESULT',
  SECTION = 'SECTION',
  ANNOTATION = 'ANNOTATION',
  SOURCE = 'SOURCE',
}
registerEnumType(DecisionLinkKind, { name: 'DecisionLinkKind' });

/** Something a decision rests on, with a line to show. */
@ObjectType('DecisionLink')
export class DecisionLink {
  @Field(() => DecisionLinkKind) kind!: DecisionLinkKind;
  @Field(() => ID, { description: 'The milestone, round item, annotation or source id; for a SECTION, the heading id.' }) id!: string;
  @Field() label!: string;
  @Field(() => ID, { nullable: true, description: 'For a SECTION: its document.' }) documentId!: string | null;
}

/** A page of the decision log (Workspace.decisionLog). */
export const DecisionPage = PageType(DecisionEntity, 'Decision');
