import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('milestones')
@Index('milestones_workspace_idx', ['workspaceId', 'dueOn'])
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** Calendar dates in Europe/London. */
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

@Entity('deliverables')
@Index('deliverables_milestone_idx', ['milestoneId'])
export class DeliverableEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'milestone_id', type: 'uuid' }) milestoneId!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'milestone_id' }) milestone?: MilestoneEntity;
}
