import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WorkspaceEntity } from './workspace.entity';
import { Role, Sector } from '@concord/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** An invitation by link. Only the SHA-256 of the 128-bit token is stored. */
@Entity('invitations')
@Check('invitations_role_check', `role IN ('LEAD', 'EDITOR', 'MEMBER', 'REVIEWER', 'OBSERVER')`)
@Check('invitations_sector_check', `sector IN ('HE', 'NHS', 'SECTOR_BODY', 'STUDENT', 'OTHER')`)
@ObjectType('Invitation')
export class InvitationEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('invitations_workspace_idx') @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 254 }) email!: string;
  @Field(() => Role) @Column({ type: 'varchar', length: 16 }) role!: Role;
  @Field() @Column({ type: 'varchar', length: 200 }) organisation!: string;
  @Field(() => Sector) @Column({ type: 'varchar', length: 16 }) sector!: Sector;
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true }) tokenHash!: string;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy!: string | null;
  /** For a stakeholder invited to a review round: accepting adds them to it. */
  @Column({ name: 'review_round_id', type: 'uuid', nullable: true }) reviewRoundId!: string | null;
  /** For a model's contact: accepting lets them fill in that model's case study (models module). */
  @Column({ name: 'practice_model_id', type: 'uuid', nullable: true }) practiceModelId!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy!: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
