import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('Milestone')
@Entity('milestones')
@Index('milestones_workspace_idx', ['workspaceId', 'dueOn'])
export class MilestoneEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  /** Calendar dates in Europe/London. */
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Field(() => String, { name: 'dueDate', description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

@ObjectType('Deliverable')
@Entity('deliverables')
@Index('deliverables_milestone_idx', ['milestoneId'])
export class DeliverableEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Field() @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Field(() => String, { name: 'dueDate' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Field(() => Date, { nullable: true }) @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'milestone_id' }) milestone?: MilestoneEntity;
}
