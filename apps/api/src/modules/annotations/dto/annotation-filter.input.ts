import { Sector } from '@concord/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AnnotationKind, AnnotationStatus } from '../annotation.entity';

/** The draft panel's filters, applied on the server so that they hold for the whole list, not a page. */
@InputType()
export class AnnotationFilterInput {
  @Field(() => AnnotationStatus, { nullable: true }) @IsOptional() @IsEnum(AnnotationStatus) status?: AnnotationStatus | null;
  @Field(() => AnnotationKind, { nullable: true }) @IsOptional() @IsEnum(AnnotationKind) kind?: AnnotationKind | null;
  @Field(() => String, { nullable: true, description: 'The stable id of a heading; the empty string means before the first heading.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sectionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The member who wrote it.' }) @IsOptional() @IsUUID('all', { message: 'must be a valid id' }) authorId?: string | null;
  @Field(() => Sector, { nullable: true, description: 'The sector of the member who wrote it.' }) @IsOptional() @IsEnum(Sector) sector?: Sector | null;
  @Field(() => String, { nullable: true, description: 'A challenge tag it carries.' }) @IsOptional() @IsString() @MaxLength(80) tag?: string | null;
}
