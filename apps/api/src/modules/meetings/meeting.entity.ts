import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum MeetingKind {
  TASKFORCE = 'TASKFORCE',
  WORKING_GROUP = 'WORKING_GROUP',
}
registerEnumType(MeetingKind, { name: 'MeetingKind' });

@ObjectType('Meeting')
@Entity('meetings')
@Index('meetings_workspace_idx', ['workspaceId', 'heldOn'])
@Check('meetings_kind_check', `kind IN ('TASKFORCE', 'WORKING_GROUP')`)
export class MeetingEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field(() => MeetingKind) @Column({ type: 'varchar', length: 32 }) kind!: MeetingKind;
  @Field(() => String, { name: 'date', description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Field(() => ID, { nullable: true, description: 'The milestone the meeting serves.' }) @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId!: string | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

/** One item of a meeting's agenda, in order. */
@ObjectType('AgendaItem')
@Entity('agenda_items')
@Index('agenda_items_meeting_idx', ['meetingId', 'position'])
export class AgendaItemEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'meeting_id', type: 'uuid' }) meetingId!: string;
  /** The meeting's workspace, kept here so the policy finds it in one lookup. */
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => Int, { description: '1, 2, 3 … in agenda order.' }) @Column({ type: 'int' }) position!: number;
  @Field() @Column({ type: 'varchar', length: 300 }) title!: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'meeting_id' }) meeting?: MeetingEntity;
}
