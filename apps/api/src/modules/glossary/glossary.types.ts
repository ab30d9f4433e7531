import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum GlossarySource {
  /** Concord's built-in HE glossary: a suggestion, not yet a definition in this guidance. */
  BUILT_IN = 'BUILT_IN',
  /** Defined by the workspace: counts as a definition and is printed in the export's Glossary. */
  WORKSPACE = 'WORKSPACE',
}
registerEnumType(GlossarySource, { name: 'GlossarySource' });

@ObjectType('GlossaryEntry', { description: 'A higher-education term explained for NHS readers.' })
export class GlossaryEntryType {
  @Field(() => ID, { nullable: true, description: 'Null for a built-in entry the workspace has not defined.' }) id!: string | null;
  @Field() term!: string;
  @Field(() => String, { nullable: true }) expansion!: string | null;
  @Field() explanation!: string;
  @Field(() => [String]) aliases!: string[];
  @Field(() => GlossarySource) source!: GlossarySource;
}
