import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A candidate criterion for models of good practice (seeded five; members propose more). */
@Entity('criteria')
@Index('criteria_workspace_idx', ['workspaceId', 'position'])
@ObjectType('Criterion')
export class CriterionEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'text' }) statement!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) rationale!: string | null;
  @Column({ type: 'int', default: 0 }) position!: number;
  @Column({ name: 'proposed_by', type: 'uuid', nullable: true }) proposedBy!: string | null;
  /** CANDIDATE: may be put to a round. PROPOSED: suggested by a member, waiting for an editor. */
  @Field() @Column({ type: 'varchar', length: 10, default: 'CANDIDATE' }) status!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
