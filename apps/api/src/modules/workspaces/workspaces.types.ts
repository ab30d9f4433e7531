import { Role, Sector } from '@concord/shared';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InvitationEntity } from './invitation.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

export function invitationStatus(inv: Pick<InvitationEntity, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (inv.acceptedAt) return InvitationStatus.ACCEPTED;
  if (inv.revokedAt) return InvitationStatus.REVOKED;
  if (inv.expiresAt.getTime() <= now.getTime()) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

@ObjectType('InvitationLink', { description: 'Returned once, to the inviter: the link is never shown again (only its hash is stored).' })
export class InvitationLink {
  @Field(() => InvitationEntity) invitation!: InvitationEntity;
  @Field() link!: string;
}

@ObjectType('InvitationPreview')
export class InvitationPreview {
  @Field() workspaceName!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field() organisation!: string;
  @Field(() => Sector) sector!: Sector;
  @Field() expiresAt!: Date;
  @Field() accountExists!: boolean;
}

@ObjectType('WorkspaceCounts', { description: 'How much the workspace holds, counted on the server (the dashboard\'s "At a glance").' })
export class WorkspaceCounts {
  @Field(() => Int) drafts!: number;
  @Field(() => Int) members!: number;
  @Field(() => Int) sources!: number;
  @Field(() => Int) models!: number;
  @Field(() => Int) criteria!: number;
}
