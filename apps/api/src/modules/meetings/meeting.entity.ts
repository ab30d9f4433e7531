import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('meetings')
@Index('meetings_workspace_idx', ['workspaceId', 'heldOn'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId!: string | null;
  @Column({ type: 'jsonb', default: [] }) agenda!: string[];
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
