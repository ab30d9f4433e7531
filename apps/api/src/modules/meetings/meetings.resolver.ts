import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AddAgendaItemInput, CreateMeetingInput, MoveAgendaItemArgs, UpdateAgendaItemArgs, UpdateMeetingInput } from './dto/meeting.input';
import { AgendaItemEntity, MeetingEntity } from './meeting.entity';
import { LoadedMeeting, MeetingsService } from './meetings.service';

@Resolver(() => MeetingEntity)
export class MeetingsResolver {
  constructor(private readonly meetings: MeetingsService) {}

  @Query(() => MeetingEntity, { nullable: true })
  @Scope(row('meetings', 'id'), { orNull: true })
  meeting(@Args('id', { type: () => ID }) id: string) {
    return this.meetings.get(id);
  }

  @Mutation(() => MeetingEntity)
  @Scope(arg('input.workspaceId'))
  createMeeting(@Args('input') input: CreateMeetingInput, @CurrentMember() actor: MemberEntity) {
    return this.meetings.create(actor, input);
  }

  @Mutation(() => MeetingEntity)
  @Scope(row('meetings', 'input.id'))
  updateMeeting(@Args('input') input: UpdateMeetingInput, @CurrentMember() actor: MemberEntity) {
    return this.meetings.update(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a meeting; CONFLICT if decisions were agreed at it.' })
  @Scope(row('meetings', 'id'))
  deleteMeeting(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.meetings.remove(actor, id);
  }

  @Mutation(() => MeetingEntity, { description: 'Adds an item to the agenda (at `position`, else at the end); returns the meeting.' })
  @Scope(row('meetings', 'input.meetingId'))
  addAgendaItem(@Args('input') input: AddAgendaItemInput, @CurrentMember() actor: MemberEntity) {
    return this.meetings.addAgendaItem(actor, input);
  }

  @Mutation(() => MeetingEntity)
  @Scope(row('agenda_items', 'id'))
  updateAgendaItem(@Args() args: UpdateAgendaItemArgs, @CurrentMember() actor: MemberEntity) {
    return this.meetings.updateAgendaItem(actor, args.id, args.title);
  }

  @Mutation(() => MeetingEntity)
  @Scope(row('agenda_items', 'id'))
  removeAgendaItem(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.meetings.removeAgendaItem(actor, id);
  }

  @Mutation(() => MeetingEntity)
  @Scope(row('agenda_items', 'id'))
  moveAgendaItem(@Args() args: MoveAgendaItemArgs, @CurrentMember() actor: MemberEntity) {
    return this.meetings.moveAgendaItem(actor, args.id, args.position);
  }

  @ResolveField(() => [AgendaItemEntity], { description: 'The agenda, in order.' })
  agendaItems(@Parent() m: LoadedMeeting) {
    return m.agendaItems;
  }

  @ResolveField(() => [String], { description: 'The agenda items’ titles, in order.' })
  agenda(@Parent() m: LoadedMeeting) {
    return m.agenda;
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceMeetingsResolver {
  constructor(private readonly service: MeetingsService) {}

  @ResolveField(() => [MeetingEntity], { description: 'Meetings by date.' })
  @Scope(parent('id'))
  meetings(@Parent() workspace: WorkspaceEntity) {
    return this.service.list(workspace.id);
  }
}
