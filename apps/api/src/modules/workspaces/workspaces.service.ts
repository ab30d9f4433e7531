import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CHALLENGE_TAGS, INVITATION_TTL_DAYS, LIMITS, Role } from '@concord/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { distinct } from '../../common/loaders';
import { ChallengeTagEntity } from '../annotations/annotation.entity';
import { AuditService } from '../audit/audit.service';
import { AuthService, normaliseEmail } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { UserEntity } from '../auth/user.entity';
import { AcceptInvitationInput } from './dto/accept-invitation.input';
import { CreateWorkspaceInput } from './dto/create-workspace.input';
import { InviteMemberInput } from './dto/invite-member.input';
import { UpdateMembershipInput } from './dto/update-membership.input';
import { InvitationEntity } from './invitation.entity';
import { Mailer, MAILER } from './mailer';
import { MembershipEvents } from './membership.events';
import { MemberEntity } from './member.entity';
import { WorkspaceEntity } from './workspace.entity';
import { invitationStatus, InvitationStatus, InvitationLink, InvitationPreview, WorkspaceCounts } from './workspaces.types';

const SECTOR_ORDER = `CASE m.sector WHEN 'HE' THEN 0 WHEN 'NHS' THEN 1 WHEN 'SECTOR_BODY' THEN 2 WHEN 'STUDENT' THEN 3 ELSE 4 END`;

@Injectable()
export class WorkspacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly events: MembershipEvents,
  ) {}

  listForUser(userId: string): Promise<WorkspaceEntity[]> {
    return this.db
      .getRepository(WorkspaceEntity)
      .createQueryBuilder('w')
      .innerJoin(MemberEntity, 'm', 'm.workspace_id = w.id AND m.user_id = :userId', { userId })
      .orderBy('w.name', 'ASC')
      .getMany();
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOne({ where: { id } });
  }

  /** Members with their accounts in one query, grouped by sector then name. */
  /** The dashboard's counts of several workspaces, in one statement. */
  async counts(workspaceIds: readonly string[]): Promise<WorkspaceCounts[]> {
    const rows: { id: string; drafts: number; members: number; sources: number; models: number; criteria: number }[] = await this.db.query(
      `SELECT w.id,
              (SELECT count(*) FROM documents d WHERE d.workspace_id = w.id)::int AS drafts,
              (SELECT count(*) FROM members m WHERE m.workspace_id = w.id)::int AS members,
              (SELECT count(*) FROM sources s WHERE s.workspace_id = w.id)::int AS sources,
              (SELECT count(*) FROM practice_models p WHERE p.workspace_id = w.id)::int AS models,
              (SELECT count(*) FROM criteria c WHERE c.workspace_id = w.id)::int AS criteria
         FROM workspaces w WHERE w.id = ANY($1::uuid[])`,
      [workspaceIds],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return workspaceIds.map((id) => byId.get(id) ?? { drafts: 0, members: 0, sources: 0, models: 0, criteria: 0 });
  }

  members(workspaceId: string): Promise<MemberEntity[]> {
    return this.db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy(SECTOR_ORDER, 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getMany();
  }

  /** Users by id, for the per-request loader behind Member.user. */
  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ where: { id: In(distinct(ids)) } });
  }

  /** Members (with their users) by id, for the per-request loader behind Invitation.invitedBy. */
  membersByIds(ids: readonly string[]): Promise<MemberEntity[]> {
    return this.db.getRepository(MemberEntity).find({ where: { id: In(distinct(ids)) }, relations: { user: true } });
  }

  invitations(workspaceId: string): Promise<InvitationEntity[]> {
    return this.db.getRepository(InvitationEntity).find({ where: { workspaceId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  findMember(id: string): Promise<MemberEntity | null> {
    return this.db.getRepository(MemberEntity).findOne({ where: { id }, relations: { user: true } });
  }

  async create(userId: string, input: CreateWorkspaceInput): Promise<WorkspaceEntity> {
    return this.db.transaction(async (tx) => {
      const ws = await tx.getRepository(WorkspaceEntity).save({ name: input.name, description: input.description ?? '', seedKey: null });
      await tx.getRepository(MemberEntity).insert({ workspaceId: ws.id, userId, role: Role.LEAD, organisation: input.organisation, sector: input.sector });
      await tx.getRepository(ChallengeTagEntity).insert(DEFAULT_CHALLENGE_TAGS.map((label, i) => ({ workspaceId: ws.id, label, position: i + 1 })));
      await this.audit.record({ workspaceId: ws.id, actorId: userId, action: 'workspace.created', targetId: ws.id, data: { name: ws.name } }, tx);
      return ws;
    });
  }

  async invite(actor: MemberEntity, input: InviteMemberInput, options: { reviewRoundId?: string; practiceModelId?: string } = {}): Promise<InvitationLink> {
    const email = normaliseEmail(input.email);
    const token = randomBytes(16).toString('base64url'); // 128 bits
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    const { invitation, workspace, inviter } = await this.db.transaction(async (tx) => {
      const existing = await tx
        .getRepository(MemberEntity)
        .createQueryBuilder('m')
        .innerJoin('m.user', 'u')
        .where('m.workspace_id = :ws AND u.email = :email', { ws: actor.workspaceId, email })
        .getCount();
      if (existing > 0) throw conflict(`${email} is already a member of this workspace`, { reason: 'ALREADY_MEMBER' });
      // A new link supersedes any pending one for the same address.
      await tx.getRepository(InvitationEntity).update(
        { workspaceId: actor.workspaceId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const invitation = await tx.getRepository(InvitationEntity).save({
        workspaceId: actor.workspaceId,
        email,
        role: input.role,
        organisation: input.organisation,
        sector: input.sector,
        tokenHash: sha256(token),
        invitedBy: actor.id,
        reviewRoundId: options.reviewRoundId ?? null,
        practiceModelId: options.practiceModelId ?? null,
        expiresAt,
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      });
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'member.invited', targetId: invitation.id, data: { email, role: input.role } }, tx);
      const workspace = await tx.getRepository(WorkspaceEntity).findOneOrFail({ where: { id: actor.workspaceId } });
      const inviter = await tx.getRepository(UserEntity).findOneOrFail({ where: { id: actor.userId } });
      return { invitation, workspace, inviter };
    });
    const link = `${this.publicUrl()}/invite/${token}`;
    await this.mailer.sendInvitation({ to: email, workspaceName: workspace.name, inviterName: inviter.name, link, expiresAt });
    return { invitation, link };
  }

  async revokeInvitation(actor: MemberEntity, id: string): Promise<InvitationEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(InvitationEntity);
      const inv = await repo.findOne({ where: { id, workspaceId: actor.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!inv) throw notFound('Invitation not found');
      if (invitationStatus(inv) !== InvitationStatus.PENDING) throw conflict('Only a pending invitation can be revoked', { reason: invitationStatus(inv) });
      inv.revokedAt = new Date();
      await repo.save(inv);
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'invitation.revoked', targetId: inv.id, data: { email: inv.email } }, tx);
      return inv;
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const inv = await this.usableInvitation(this.db.manager, token, false);
    const workspace = await this.db.getRepository(WorkspaceEntity).findOneOrFail({ where: { id: inv.workspaceId } });
    const account = await this.db.getRepository(UserEntity).count({ where: { email: inv.email } });
    return { workspaceName: workspace.name, email: inv.email, role: inv.role, organisation: inv.organisation, sector: inv.sector, expiresAt: inv.expiresAt, accountExists: account > 0 };
  }

  /** Joins the invitation's workspace: with the existing account's password, or creating the account. */
  async accept(input: AcceptInvitationInput, req: Request, res?: Response) {
    // The password check of an existing account runs outside the transaction (argon2 is slow) and is throttled.
    const peek = await this.usableInvitation(this.db.manager, input.token, false);
    const user = await this.auth.findUserByEmail(peek.email);
    if (user) {
      await this.auth.verifyAccountPassword(user, input.password, req);
    } else {
      if (!input.name) throw badInput('input.name', 'input.name: is required to create your account');
      if (input.password.length < LIMITS.passwordMin) throw badInput('input.password', `input.password: must be at least ${LIMITS.passwordMin} characters`);
    }
    const existing = user;
    const newAccount = existing ? null : { name: input.name ?? '', passwordHash: await hashPassword(input.password) };
    return this.db.transaction(async (tx) => {
      const inv = await this.usableInvitation(tx, input.token, true);
      // A new account is created here, with the membership: a failed acceptance leaves no account behind.
      const account = existing ?? (await tx.getRepository(UserEntity).save({ email: inv.email, ...newAccount }));
      const existingMember = await tx.getRepository(MemberEntity).findOne({ where: { workspaceId: inv.workspaceId, userId: account.id } });
      if (existingMember && !inv.reviewRoundId && !inv.practiceModelId) throw conflict('You are already a member of this workspace', { reason: 'ALREADY_MEMBER' });
      const member =
        existingMember ?? (await tx.getRepository(MemberEntity).save({ workspaceId: inv.workspaceId, userId: account.id, role: inv.role, organisation: inv.organisation, sector: inv.sector }));
      // A review-round invitation also makes them a reviewer of that round.
      if (inv.reviewRoundId) await tx.query('INSERT INTO review_round_reviewers (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [inv.reviewRoundId, account.id]);
      // A model-contact invitation lets them fill in that model's case study (models module).
      if (inv.practiceModelId) await tx.query('INSERT INTO practice_model_contacts (model_id, user_id, workspace_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [inv.practiceModelId, account.id, inv.workspaceId]);
      await tx.getRepository(InvitationEntity).update(inv.id, { acceptedAt: new Date(), acceptedBy: account.id });
      await this.audit.record({ workspaceId: inv.workspaceId, actorId: account.id, action: 'member.joined', targetId: member.id, data: { name: account.name, role: inv.role } }, tx);
      const session = await this.auth.startSession(account, req, res, tx);
      return { ...session, workspaceId: inv.workspaceId };
    });
  }

  async changeRole(actor: MemberEntity, memberId: string, role: Role): Promise<MemberEntity> {
    const member = await this.db.transaction(async (tx) => {
      const target = await this.lockForLeadChange(tx, actor.workspaceId, memberId);
      if (target.role === role) return target;
      await this.keepOneLead(tx, target, role);
      const from = target.role;
      await tx.getRepository(MemberEntity).update(target.id, { role });
      target.role = role;
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'member.roleChanged', targetId: target.id, data: { name: target.user?.name, from, to: role } }, tx);
      return target;
    });
    this.events.changes.next({ workspaceId: member.workspaceId, userId: member.userId, role: member.role });
    return member;
  }

  async remove(actor: MemberEntity, memberId: string): Promise<boolean> {
    const removed = await this.db.transaction(async (tx) => {
      const target = await this.lockForLeadChange(tx, actor.workspaceId, memberId);
      await this.keepOneLead(tx, target, null);
      await tx.getRepository(MemberEntity).delete(target.id);
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'member.removed', targetId: target.id, data: { name: target.user?.name, role: target.role } }, tx);
      return target;
    });
    this.events.changes.next({ workspaceId: removed.workspaceId, userId: removed.userId, role: null });
    return true;
  }

  async updateOwnMembership(actor: MemberEntity, input: UpdateMembershipInput): Promise<MemberEntity> {
    await this.db.getRepository(MemberEntity).update(actor.id, { organisation: input.organisation, sector: input.sector });
    return this.db.getRepository(MemberEntity).findOneOrFail({ where: { id: actor.id }, relations: { user: true } });
  }

  /** Locks the workspace's lead rows (so two leads cannot demote each other at once), then the target. */
  private async lockForLeadChange(tx: EntityManager, workspaceId: string, memberId: string): Promise<MemberEntity> {
    await tx.query(`SELECT id FROM members WHERE workspace_id = $1 AND role = 'LEAD' ORDER BY id FOR UPDATE`, [workspaceId]);
    const target = await tx.getRepository(MemberEntity).findOne({ where: { id: memberId, workspaceId }, relations: { user: true } });
    if (!target) throw notFound('Member not found');
    return target;
  }

  private async keepOneLead(tx: EntityManager, target: MemberEntity, newRole: Role | null) {
    if (target.role !== Role.LEAD || newRole === Role.LEAD) return;
    const leads = await tx.getRepository(MemberEntity).count({ where: { workspaceId: target.workspaceId, role: In([Role.LEAD]) } });
    if (leads <= 1) throw conflict('A workspace needs at least one lead: make someone else a lead first', { reason: 'LAST_LEAD' });
  }

  private async usableInvitation(tx: EntityManager, token: string, lock: boolean): Promise<InvitationEntity> {
    const inv = await tx.getRepository(InvitationEntity).findOne({ where: { tokenHash: sha256(token) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!inv) throw notFound('This invitation link is not valid');
    const status = invitationStatus(inv);
    if (status === InvitationStatus.ACCEPTED) throw conflict('This invitation link has already been used', { reason: 'USED' });
    if (status === InvitationStatus.REVOKED) throw conflict('This invitation has been withdrawn', { reason: 'REVOKED' });
    if (status === InvitationStatus.EXPIRED) throw conflict('This invitation link has expired: ask for a new one', { reason: 'EXPIRED' });
    return inv;
  }

  private publicUrl(): string {
    return (this.config.publicUrl ?? `http://localhost:${this.config.port}`).replace(/\/$/, '');
  }
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
