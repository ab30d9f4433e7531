import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/paging';
import { DecisionFilterInput } from './propose-decision.input';

/** Workspace.decisionLog: a page (first, after) of the log filtered as Workspace.decisions. */
@ArgsType()
export class DecisionLogArgs extends PageArgs {
  @Field(() => DecisionFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DecisionFilterInput) filter?: DecisionFilterInput;
}
