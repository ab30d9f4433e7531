import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum DecisionStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

/** The decision log (CONTRACT's shape); numbered per workspace D-001, D-002, … without gaps. */
@ObjectType('Decision')
@Entity('decisions')
@Unique('decisions_workspace_number_key', ['workspaceId', 'number'])
@Check('decisions_status_check', `status IN ('PROPOSED', 'AGREED', 'SUPERSEDED')`)
export class DecisionEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'int' }) number!: number;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field() @Column({ type: 'text' }) statement!: string;
  @Field() @Column({ type: 'text', default: '' }) rationale!: string;
  @Field(() => DecisionStatus) @Column({ type: 'varchar', length: 12, default: DecisionStatus.PROPOSED }) status!: DecisionStatus;
  @Field(() => ID, { nullable: true }) @Column({ name: 'round_item_id', type: 'uuid', nullable: true }) roundItemId!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId!: string | null;
  /** The result that drafted it, as text ("INCLUDE: 86% rated 7–9 …"). */
  @Field(() => String, { nullable: true }) @Column({ name: 'result_summary', type: 'text', nullable: true }) resultSummary!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'agreed_at', type: 'timestamptz', nullable: true }) agreedAt!: Date | null;
  /** The earlier decision this one replaces. */
  @Field(() => ID, { nullable: true }) @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
