import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('Meeting')
@Entity('meetings')
@Index('meetings_workspace_idx', ['workspaceId', 'heldOn'])
export class MeetingEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field({ description: 'TASKFORCE or WORKING_GROUP.' }) @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Field(() => String, { name: 'date', description: 'YYYY-MM-DD, Europe/London.' }) @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId!: string | null;
  @Field(() => [String]) @Column({ type: 'jsonb', default: [] }) agenda!: string[];
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
