import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** What happened in a workspace. Never a ballot, a score or who voted: those are secret. */
export enum ActivityKind {
  DECISION_PROPOSED = 'DECISION_PROPOSED',
  DECISION_AGREED = 'DECISION_AGREED',
  DECISION_SUPERSEDED = 'DECISION_SUPERSEDED',
  ROUND_OPENED = 'ROUND_OPENED',
  ROUND_CLOSED = 'ROUND_CLOSED',
  VERSION_CREATED = 'VERSION_CREATED',
  VERSION_RESTORED = 'VERSION_RESTORED',
  REVIEW_ROUND_OPENED = 'REVIEW_ROUND_OPENED',
  REVIEW_ROUND_CLOSED = 'REVIEW_ROUND_CLOSED',
  ANNOTATION_ADDED = 'ANNOTATION_ADDED',
  DELIVERABLE_DONE = 'DELIVERABLE_DONE',
  DELIVERABLE_REOPENED = 'DELIVERABLE_REOPENED',
  MILESTONE_GATE_TRIGGERED = 'MILESTONE_GATE_TRIGGERED',
  MEETING_SCHEDULED = 'MEETING_SCHEDULED',
}
registerEnumType(ActivityKind, { name: 'ActivityKind' });

/** "Comment", "Question", "Suggestion", "Evidence": an annotation's kind in a feed line. */
export const annotationWords = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase();

/** The activity feed: one row per event, written in the transaction of the change it records. */
@ObjectType('ActivityEvent')
@Entity('activity_events')
@Index('activity_events_workspace_idx', ['workspaceId', 'id'])
@Check('activity_events_kind_check', `kind IN (${Object.values(ActivityKind).map((k) => `'${k}'`).join(', ')})`)
export class ActivityEventEntity {
  /** Increasing: the feed's order and its cursor. */
  @Field(() => ID) @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Field(() => ID) @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ActivityKind) @Column({ type: 'varchar', length: 32 }) kind!: ActivityKind;
  /** The user who acted; null when the server did (a round closed at its closing time). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The decision, round, version, review round, annotation, deliverable, milestone or meeting.' })
  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId!: string | null;
  @Field({ description: 'One line in words, e.g. "D-004 agreed at “Taskforce meeting: the draft guidance”: Include criterion 1".' }) @Column({ type: 'text' }) label!: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Filled when read or published; not a column. */
  @Field(() => String, { nullable: true, description: 'Who acted; null when the server did.' }) actorName?: string | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
