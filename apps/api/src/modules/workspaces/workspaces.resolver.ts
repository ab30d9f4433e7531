import { Role } from '@concord/shared';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentMember, CurrentViewer } from '../../common/current.decorator';
import type { RequestContext, Viewer } from '../../common/request-context';
import { oneEach } from '../../common/loaders';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { AuthPayload } from '../auth/auth.types';
import { UserEntity } from '../auth/user.entity';
import { AcceptInvitationInput } from './dto/accept-invitation.input';
import { CreateWorkspaceInput } from './dto/create-workspace.input';
import { InviteMemberInput } from './dto/invite-member.input';
import { UpdateMembershipInput } from './dto/update-membership.input';
import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';
import { WorkspaceEntity } from './workspace.entity';
import { invitationStatus, InvitationStatus, InvitationLink, InvitationPreview, WorkspaceCounts } from './workspaces.types';
import { WorkspacesService } from './workspaces.service';

@Resolver(() => WorkspaceEntity)
export class WorkspacesResolver {
  constructor(private readonly service: WorkspacesService) {}

  @Query(() => [WorkspaceEntity])
  workspaces(@CurrentViewer() viewer: Viewer) {
    return this.service.listForUser(viewer.userId);
  }

  @Query(() => WorkspaceEntity, { nullable: true, description: 'null for a non-member' })
  @Scope(arg('id'), { orNull: true })
  workspace(@Args('id', { type: () => ID }) id: string) {
    return this.service.findById(id);
  }

  @Mutation(() => WorkspaceEntity, { description: 'Creates a workspace with the caller as its lead.' })
  createWorkspace(@Args('input') input: CreateWorkspaceInput, @CurrentViewer() viewer: Viewer) {
    return this.service.create(viewer.userId, input);
  }

  @ResolveField(() => Role)
  @Scope(parent('id'))
  myRole(@CurrentMember() member: MemberEntity): Role {
    return member.role;
  }

  @ResolveField(() => MemberEntity)
  @Scope(parent('id'))
  myMembership(@CurrentMember() member: MemberEntity) {
    return member;
  }

  @ResolveField(() => [MemberEntity])
  @Scope(parent('id'))
  members(@Parent() workspace: WorkspaceEntity) {
    return this.service.members(workspace.id);
  }

  @ResolveField(() => WorkspaceCounts, { description: 'How many drafts, members, sources, models and criteria it holds (one statement).' })
  @Scope(parent('id'))
  counts(@Parent() workspace: WorkspaceEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.get('workspaces.counts', (ids: readonly string[]) => this.service.counts(ids)).load(workspace.id);
  }

  @ResolveField(() => [InvitationEntity], { description: 'Invitations, newest first (leads only).' })
  @Scope(parent('id'))
  invitations(@Parent() workspace: WorkspaceEntity) {
    return this.service.invitations(workspace.id);
  }
}

@Resolver(() => MemberEntity)
export class MembersResolver {
  constructor(private readonly workspaces: WorkspacesService) {}

  @ResolveField(() => UserEntity)
  @Scope(parent('workspaceId'))
  async user(@Parent() member: MemberEntity, @Context() ctx: RequestContext) {
    if (member.user) return member.user;
    const users = ctx.loaders.get('workspaces.user', async (ids: readonly string[]) => oneEach(ids, await this.workspaces.usersByIds(ids), (u) => u.id));
    return users.load(member.userId);
  }

  @Mutation(() => MemberEntity)
  @Scope(row('members', 'memberId'))
  changeMemberRole(
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('role', { type: () => Role }) role: Role,
    @CurrentMember() actor: MemberEntity,
  ) {
    return this.workspaces.changeRole(actor, memberId, role);
  }

  @Mutation(() => Boolean)
  @Scope(row('members', 'memberId'))
  removeMember(@Args('memberId', { type: () => ID }) memberId: string, @CurrentMember() actor: MemberEntity) {
    return this.workspaces.remove(actor, memberId);
  }

  @Mutation(() => MemberEntity, { description: 'Updates the caller\'s own organisation and sector in a workspace.' })
  @Scope(arg('input.workspaceId'))
  updateMyMembership(@Args('input') input: UpdateMembershipInput, @CurrentMember() actor: MemberEntity) {
    return this.workspaces.updateOwnMembership(actor, input);
  }
}

@Resolver(() => InvitationEntity)
export class InvitationsResolver {
  constructor(private readonly workspaces: WorkspacesService) {}

  @ResolveField(() => InvitationStatus)
  status(@Parent() inv: InvitationEntity): InvitationStatus {
    return invitationStatus(inv);
  }

  @ResolveField(() => MemberEntity, { nullable: true })
  @Scope(parent('workspaceId'))
  invitedBy(@Parent() inv: InvitationEntity, @Context() ctx: RequestContext) {
    if (!inv.invitedBy) return null;
    const members = ctx.loaders.get('workspaces.member', async (ids: readonly string[]) => oneEach(ids, await this.workspaces.membersByIds(ids), (m) => m.id));
    return members.load(inv.invitedBy);
  }

  @Query(() => InvitationPreview, { description: 'What an invitation link offers. NOT_FOUND for an unknown token; CONFLICT with extensions.reason EXPIRED, USED or REVOKED.' })
  invitation(@Args('token') token: string) {
    return this.workspaces.preview(token);
  }

  @Mutation(() => InvitationLink, { description: 'Invites by link. The link is returned once and never stored.' })
  @Scope(arg('input.workspaceId'))
  inviteMember(@Args('input') input: InviteMemberInput, @CurrentMember() actor: MemberEntity) {
    return this.workspaces.invite(actor, input);
  }

  @Mutation(() => InvitationEntity)
  @Scope(row('invitations', 'id'))
  revokeInvitation(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.workspaces.revokeInvitation(actor, id);
  }

  @Mutation(() => AuthPayload, { description: 'Accepts an invitation: signs in (or creates the account) and joins the workspace.' })
  acceptInvitation(@Args('input') input: AcceptInvitationInput, @Ctx() ctx: RequestContext) {
    return this.workspaces.accept(input, ctx.req, ctx.res);
  }
}
