import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseStudyFieldType } from './dto/case-study.input';
import type { FieldType } from '@concord/assessment';

@ObjectType('TemplateField')
export class TemplateFieldType {
  @Field() id!: string;
  @Field() label!: string;
  @Field(() => CaseStudyFieldType) type!: FieldType;
  @Field() required!: boolean;
  @Field() help!: string;
  @Field(() => [String]) options!: string[];
}

@ObjectType('TemplateSection')
export class TemplateSectionType {
  @Field() id!: string;
  @Field() title!: string;
  @Field(() => [TemplateFieldType]) fields!: TemplateFieldType[];
}

@ObjectType('CaseStudyAnswer', { description: 'The answer to one field of the template version the submission was made with.' })
export class CaseStudyAnswer {
  @Field() fieldId!: string;
  @Field(() => String, { nullable: true, description: 'Text, number, date or URL as text.' }) value!: string | null;
  @Field(() => [String], { description: 'The options chosen (choice fields).' }) choices!: string[];
}

@ObjectType('MappedSection', { description: 'A guidance section something is mapped to, by the heading’s stable id.' })
export class MappedSection {
  @Field(() => ID) documentId!: string;
  @Field() sectionId!: string;
  @Field({ description: 'The heading as it reads now (or as last seen, when it is gone).' }) title!: string;
  @Field({ description: 'False when the heading is no longer in the document.' }) present!: boolean;
}
