import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { parent, Scope } from '../../common/rule.decorator';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DecisionEntity } from './decision.entity';
import { decisionRef, DecisionsService } from './decisions.service';

@Resolver(() => DecisionEntity)
export class DecisionsResolver {
  @ResolveField(() => String, { description: 'D-001, D-002, … in the order decisions were proposed.' })
  ref(@Parent() d: DecisionEntity) {
    return decisionRef(d.number);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceDecisionsResolver {
  constructor(private readonly service: DecisionsService) {}

  @ResolveField(() => [DecisionEntity], { description: 'The decision log, oldest first.' })
  @Scope(parent('id'))
  decisions(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}
