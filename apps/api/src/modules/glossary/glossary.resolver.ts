import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DefineGlossaryTermInput, UpdateGlossaryEntryInput } from './dto/glossary.input';
import { GlossaryEntryType } from './glossary.types';
import { GlossaryService } from './glossary.service';

@Resolver(() => WorkspaceEntity)
export class WorkspaceGlossaryResolver {
  constructor(private readonly service: GlossaryService) {}

  @ResolveField(() => [GlossaryEntryType], { description: 'The workspace’s glossary over the built-in HE glossary for NHS readers.' })
  @Scope(parent('id'))
  glossary(@Parent() workspace: WorkspaceEntity) {
    return this.service.list(workspace.id);
  }
}

@Resolver(() => GlossaryEntryType)
export class GlossaryResolver {
  constructor(private readonly glossary: GlossaryService) {}

  @Mutation(() => GlossaryEntryType, { description: 'Defines a term in the workspace glossary (CONFLICT with reason DUPLICATE if it is already there).' })
  @Scope(arg('input.workspaceId'))
  defineGlossaryTerm(@Args('input') input: DefineGlossaryTermInput, @CurrentMember() actor: MemberEntity) {
    return this.glossary.define(actor, input);
  }

  @Mutation(() => GlossaryEntryType)
  @Scope(row('glossary_entries', 'input.id'))
  updateGlossaryEntry(@Args('input') input: UpdateGlossaryEntryInput, @CurrentMember() actor: MemberEntity) {
    return this.glossary.update(actor, input);
  }

  @Mutation(() => Boolean)
  @Scope(row('glossary_entries', 'id'))
  removeGlossaryEntry(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.glossary.remove(actor, id);
  }
}
