import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** The events that can prove a deliverable done (a subset of the activity kinds, same names). */
export enum DeliverableTieKind {
  ROUND_CLOSED = 'ROUND_CLOSED',
  VERSION_CREATED = 'VERSION_CREATED',
  REVIEW_ROUND_OPENED = 'REVIEW_ROUND_OPENED',
  REVIEW_ROUND_CLOSED = 'REVIEW_ROUND_CLOSED',
  DECISION_AGREED = 'DECISION_AGREED',
}
registerEnumType(DeliverableTieKind, { name: 'DeliverableTieKind', description: 'The kind of event that proves a deliverable done and ticks it.' });
const TIE_KINDS = Object.values(DeliverableTieKind).map((k) => `'${k}'`).join(', ');

@ObjectType('Milestone')
@Entity('milestones')
@Index('milestones_workspace_idx', ['workspaceId', 'dueOn'])
@Check('milestones_range_check', 'starts_on <= due_on')
@Check('milestones_risk_window_check', 'risk_window_days BETWEEN 0 AND 365')
export class MilestoneEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  /** Calendar dates in Europe/London. */
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Field(() => String, { name: 'dueDate', description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Field(() => Int, { description: 'Days before the due date from which open deliverables put the milestone AT_RISK (default 14).' })
  @Column({ name: 'risk_window_days', type: 'int', default: 14 })
  riskWindowDays!: number;
  @Field({ description: 'Whether this milestone gates the draft: triggering it freezes a named version and can open a stakeholder review from it.' })
  @Column({ name: 'gates_draft', type: 'boolean', default: false })
  gatesDraft!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the gate was triggered (once only).' }) @Column({ name: 'gate_triggered_at', type: 'timestamptz', nullable: true }) gateTriggeredAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The version the gate froze.' }) @Column({ name: 'gate_version_id', type: 'uuid', nullable: true }) gateVersionId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The stakeholder review round the gate opened, if any.' }) @Column({ name: 'gate_review_round_id', type: 'uuid', nullable: true }) gateReviewRoundId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

/** The event that ticked a deliverable: what happened, its id, and a line to show. */
@ObjectType('DeliverableProof')
export class DeliverableProof {
  @Field(() => DeliverableTieKind) kind!: DeliverableTieKind;
  @Field(() => ID, { description: 'The round, version, review round or decision.' }) id!: string;
  @Field() label!: string;
}

@ObjectType('Deliverable')
@Entity('deliverables')
@Index('deliverables_milestone_idx', ['milestoneId'])
@Check('deliverables_tie_kind_check', `tie_kind IN (${TIE_KINDS})`)
@Check('deliverables_tie_target_check', 'tie_target_id IS NULL OR tie_kind IS NOT NULL')
@Check('deliverables_proof_check', `proof_kind IN (${TIE_KINDS})`)
export class DeliverableEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Field() @Column({ type: 'varchar', length: 300 }) title!: string;
  @Field(() => ID, { nullable: true, description: 'The member who owns it (compare with Workspace.myMembership.id for "my deliverables").' })
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;
  @Field(() => String, { name: 'dueDate', description: 'YYYY-MM-DD, Europe/London; due at the end of that day there.' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Field(() => Date, { nullable: true }) @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @Field(() => DeliverableTieKind, { nullable: true, description: 'The kind of event that ticks it; null: ticked by hand only.' })
  @Column({ name: 'tie_kind', type: 'varchar', length: 24, nullable: true })
  tieKind!: DeliverableTieKind | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'What the event must concern (null: any event of the kind in this workspace): a round (ROUND_CLOSED); a document or a gate milestone (VERSION_CREATED, REVIEW_ROUND_*); a review round (REVIEW_ROUND_CLOSED); a decision, meeting, milestone or round (DECISION_AGREED).',
  })
  @Column({ name: 'tie_target_id', type: 'uuid', nullable: true })
  tieTargetId!: string | null;
  @Column({ name: 'proof_kind', type: 'varchar', length: 24, nullable: true }) proofKind!: DeliverableTieKind | null;
  @Column({ name: 'proof_id', type: 'uuid', nullable: true }) proofId!: string | null;
  @Column({ name: 'proof_label', type: 'varchar', length: 300, nullable: true }) proofLabel!: string | null;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'milestone_id' }) milestone?: MilestoneEntity;
}
