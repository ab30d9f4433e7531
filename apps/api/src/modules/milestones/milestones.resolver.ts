import { isOverdue, MilestoneStatus as Status } from '@concord/plan';
import { Args, ID, Mutation, Parent, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AddDeliverableInput, CreateMilestoneInput, TriggerMilestoneGateInput, UpdateDeliverableInput, UpdateMilestoneInput } from './dto/milestone.input';
import { DeliverableEntity, DeliverableProof, MilestoneEntity } from './milestone.entity';
import { LoadedDeliverable, LoadedMilestone, MilestonesService, MilestoneWithStatus } from './milestones.service';

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

  @Mutation(() => MilestoneEntity)
  @Scope(arg('input.workspaceId'))
  createMilestone(@Args('input') input: CreateMilestoneInput, @CurrentMember() actor: MemberEntity) {
    return this.milestones.create(actor, input);
  }

  @Mutation(() => MilestoneEntity, { description: 'BAD_USER_INPUT if a deliverable would fall outside the new range.' })
  @Scope(row('milestones', 'input.id'))
  updateMilestone(@Args('input') input: UpdateMilestoneInput, @CurrentMember() actor: MemberEntity) {
    return this.milestones.update(actor, input);
  }

  @Mutation(() => MilestoneEntity, {
    description: 'Freezes a named version of the draft and can open a stakeholder review round from it (editors and leads; once; only a milestone that gates the draft).',
  })
  @Scope(row('milestones', 'input.milestoneId'))
  triggerMilestoneGate(@Args('input') input: TriggerMilestoneGateInput, @CurrentMember() actor: MemberEntity) {
    return this.milestones.triggerGate(actor, input);
  }

  @ResolveField(() => MilestoneStatus, { description: 'Computed from the deliverables and today’s date in Europe/London; never typed by hand.' })
  status(@Parent() m: LoadedMilestone & Partial<MilestoneWithStatus>): Status {
    return (m.computed ?? this.milestones.status(m)).status;
  }

  @ResolveField(() => String, { description: 'The status in words, e.g. "2 of 5 deliverables open, due in 6 days".' })
  statusReason(@Parent() m: LoadedMilestone & Partial<MilestoneWithStatus>): string {
    return (m.computed ?? this.milestones.status(m)).reason;
  }

  @ResolveField(() => [DeliverableEntity])
  deliverables(@Parent() m: LoadedMilestone) {
    return m.deliverables;
  }
}

@Resolver(() => DeliverableEntity)
export class DeliverablesResolver {
  constructor(private readonly milestones: MilestonesService) {}

  @Mutation(() => DeliverableEntity, { description: 'Its due date must fall within the milestone; an owner must be a lead, editor or member.' })
  @Scope(row('milestones', 'input.milestoneId'))
  addDeliverable(@Args('input') input: AddDeliverableInput, @CurrentMember() actor: MemberEntity) {
    return this.milestones.addDeliverable(actor, input);
  }

  @Mutation(() => DeliverableEntity)
  @Scope(row('deliverables', 'input.id'))
  updateDeliverable(@Args('input') input: UpdateDeliverableInput, @CurrentMember() actor: MemberEntity) {
    return this.milestones.updateDeliverable(actor, input);
  }

  @Mutation(() => Boolean)
  @Scope(row('deliverables', 'id'))
  removeDeliverable(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.milestones.removeDeliverable(actor, id);
  }

  @Mutation(() => DeliverableEntity, { description: 'Ticks a deliverable done (or open again): its owner or a lead.' })
  @Scope(row('deliverables', 'id'))
  setDeliverableDone(@Args('id', { type: () => ID }) id: string, @Args('done') done: boolean, @CurrentMember() actor: MemberEntity) {
    return this.milestones.setDone(actor, id, done);
  }

  @ResolveField(() => Boolean)
  done(@Parent() d: DeliverableEntity) {
    return d.doneAt !== null;
  }

  @ResolveField(() => Boolean, { description: 'Open after the end of its due date in Europe/London.' })
  overdue(@Parent() d: DeliverableEntity) {
    return d.doneAt === null && isOverdue(d.dueOn, new Date());
  }

  @ResolveField(() => String, { nullable: true })
  ownerName(@Parent() d: LoadedDeliverable) {
    return d.ownerName !== undefined ? d.ownerName : this.milestones.ownerName(d.ownerId);
  }

  @ResolveField(() => DeliverableProof, { nullable: true, description: 'The event that ticked it; null when ticked by hand or still open.' })
  proof(@Parent() d: DeliverableEntity): DeliverableProof | null {
    return d.doneAt && d.proofKind && d.proofId ? { kind: d.proofKind, id: d.proofId, label: d.proofLabel ?? '' } : null;
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceMilestonesResolver {
  constructor(private readonly service: MilestonesService) {}

  @ResolveField(() => [MilestoneEntity], { description: 'The plan, by due date, with statuses as of now.' })
  @Scope(parent('id'))
  milestones(@Parent() workspace: WorkspaceEntity) {
    return this.service.listWithStatus(workspace.id, new Date());
  }
}
