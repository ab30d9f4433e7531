import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { CriterionEntity } from './criterion.entity';

export enum Scale {
  LIKERT_9 = 'LIKERT_9',
  CONSENT = 'CONSENT',
  APPROVE = 'APPROVE',
}
export enum RoundStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export enum ConsentChoice {
  AGREE = 'AGREE',
  ABSTAIN = 'ABSTAIN',
  DISAGREE = 'DISAGREE',
  BLOCK = 'BLOCK',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(Scale, { name: 'Scale' });
registerEnumType(RoundStatus, { name: 'RoundStatus' });
registerEnumType(ConsentChoice, { name: 'ConsentChoice' });

/** A Delphi-style round on criteria. Its rule and items are frozen when it opens. */
@ObjectType('ConsensusRound')
@Entity('consensus_rounds')
@Index('consensus_rounds_workspace_idx', ['workspaceId', 'number'])
@Check('consensus_rounds_scale_check', `scale IN ('LIKERT_9', 'CONSENT', 'APPROVE')`)
@Check('consensus_rounds_status_check', `status IN ('DRAFT', 'OPEN', 'CLOSED')`)
export class RoundEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field(() => Int, { description: 'Position in its sequence: 1 for a first round, 2 for the round that follows it, …' }) @Column({ type: 'int', default: 1 }) number!: number;
  @Field(() => Scale) @Column({ type: 'varchar', length: 10 }) scale!: Scale;
  @Field() @Column({ type: 'boolean', default: true }) anonymous!: boolean;
  @Field(() => RoundStatus) @Column({ type: 'varchar', length: 8, default: RoundStatus.DRAFT }) status!: RoundStatus;
  /** The verdict rule (libs/consensus Rule), frozen at open. */
  @Column({ type: 'jsonb' }) rule!: Record<string, unknown>;
  @Field(() => [String], { description: 'Roles that may vote (empty: lead, editor, member).' }) @Column({ name: 'eligible_roles', type: 'text', array: true, default: () => "'{}'" }) eligibleRoles!: string[];
  @Field(() => [String], { description: 'Sectors that may vote (empty: all).' }) @Column({ name: 'eligible_sectors', type: 'text', array: true, default: () => "'{}'" }) eligibleSectors!: string[];
  @Field({ description: 'Results visible while the round is open (default: only after close).' }) @Column({ name: 'live_results', type: 'boolean', default: false }) liveResults!: boolean;
  @Field(() => Date, { nullable: true }) @Column({ name: 'opens_at', type: 'timestamptz', nullable: true }) opensAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'previous_round_id', type: 'uuid', nullable: true }) previousRoundId!: string | null;
  /** The named version current when the round opened, so a result can say what it was agreed on. */
  @Field(() => ID, { nullable: true }) @Column({ name: 'document_version_id', type: 'uuid', nullable: true }) documentVersionId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

@ObjectType('RoundItem')
@Entity('round_items')
@Unique('round_items_round_criterion_key', ['roundId', 'criterionId'])
export class RoundItemEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('round_items_round_idx') @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) position!: number;
  /** The item of the previous round this one carries forward. */
  @Column({ name: 'previous_item_id', type: 'uuid', nullable: true }) previousItemId!: string | null;
  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'round_id' }) round?: RoundEntity;
  @ManyToOne(() => CriterionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'criterion_id' }) criterion?: CriterionEntity;
}

/**
 * A ballot on one item. It holds no user key: `voter_key` is an HMAC of the member under a key
 * derived from SESSION_SECRET and the round, so the database alone cannot join a score to a voter,
 * while the server can still find a member's own ballot to change it. One per item and voter_key.
 */
@Entity('ballots')
@Unique('ballots_item_voter_key', ['itemId', 'voterKey'])
@Index('ballots_round_voter_idx', ['roundId', 'voterKey'])
@Check('ballots_rating_check', `rating IS NULL OR (rating BETWEEN 1 AND 9)`)
export class BallotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'voter_key', type: 'varchar', length: 64 }) voterKey!: string;
  /** The voter's sector, for breakdowns (cells under 3 voters are suppressed in anonymous rounds). */
  @Column({ type: 'varchar', length: 16 }) sector!: string;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) choice!: string | null;
  @Column({ type: 'text', nullable: true }) rationale!: string | null;
  @ManyToOne(() => RoundItemEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'item_id' }) item?: RoundItemEntity;
  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'round_id' }) round?: RoundEntity;
}

/** Who has voted in a round (not how): what a lead sees of participation. */
@Entity('round_participation')
@Unique('round_participation_key', ['roundId', 'userId'])
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'round_id' }) round?: RoundEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
}

/** A declared conflict of interest: recuses the member from voting on the criterion. */
@ObjectType('Interest')
@Entity('interests')
@Unique('interests_criterion_user_key', ['criterionId', 'userId'])
export class InterestEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Field() @Column({ type: 'text' }) statement!: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => CriterionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'criterion_id' }) criterion?: CriterionEntity;
}
