import { MilestoneStatus as Status } from '@concord/plan';
import { Args, ID, Mutation, Parent, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { parent, Scope } from '../../common/rule.decorator';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DeliverableEntity, MilestoneEntity } from './milestone.entity';
import { LoadedMilestone, MilestonesService } from './milestones.service';

export enum MilestoneStatus {
  DONE = 'DONE',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  LATE = 'LATE',
}
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });

@Resolver(() => MilestoneEntity)
export class MilestonesResolver {
  constructor(private readonly milestones: MilestonesService) {}

  @ResolveField(() => MilestoneStatus, { description: 'Computed from the deliverables and today’s date in Europe/London; never typed by hand.' })
  status(@Parent() m: LoadedMilestone): Status {
    return this.milestones.status(m).status;
  }

  @ResolveField(() => String, { description: 'The status in words, e.g. "2 of 5 deliverables open, due in 6 days".' })
  statusReason(@Parent() m: LoadedMilestone): string {
    return this.milestones.status(m).reason;
  }

  @ResolveField(() => [DeliverableEntity])
  deliverables(@Parent() m: LoadedMilestone) {
    return m.deliverables;
  }
}

@Resolver(() => DeliverableEntity)
export class DeliverablesResolver {
  constructor(private readonly milestones: MilestonesService) {}

  @ResolveField(() => Boolean)
  done(@Parent() d: DeliverableEntity) {
    return d.doneAt !== null;
  }

  @ResolveField(() => String, { nullable: true })
  ownerName(@Parent() d: DeliverableEntity) {
    return this.milestones.ownerName(d.ownerId);
  }

  @Mutation(() => DeliverableEntity, { description: 'Ticks a deliverable done (or open again): its owner or a lead.' })
  @Scope({ from: 'row', table: 'deliverables', path: 'id' })
  setDeliverableDone(@Args('id', { type: () => ID }) id: string, @Args('done') done: boolean, @CurrentMember() actor: MemberEntity) {
    return this.milestones.setDone(actor, id, done);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceMilestonesResolver {
  constructor(private readonly service: MilestonesService) {}

  @ResolveField(() => [MilestoneEntity], { description: 'The plan, by due date.' })
  @Scope(parent('id'))
  milestones(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }

  @ResolveField(() => [MeetingEntity], { description: 'Meetings by date.' })
  @Scope(parent('id'))
  meetings(@Parent() workspace: WorkspaceEntity) {
    return this.service.meetings(workspace.id);
  }
}
