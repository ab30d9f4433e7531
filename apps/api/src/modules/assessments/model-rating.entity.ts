import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { CriterionEntity } from '../consensus/criterion.entity';
import { FindingEntity } from '../evidence/finding.entity';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum ModelRating {
  MET = 'MET',
  PARTLY = 'PARTLY',
  NOT_MET = 'NOT_MET',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ModelRating, { name: 'ModelRating' });

/** One member's view of whether a model meets a criterion, with the evidence for it. */
@Entity('model_ratings')
@Unique('model_ratings_cell_member_key', ['modelId', 'criterionId', 'memberId'])
@Index('model_ratings_workspace_idx', ['workspaceId'])
@Check('model_ratings_rating_check', `rating IN ('MET', 'PARTLY', 'NOT_MET', 'UNKNOWN')`)
@Check('model_ratings_one_link_check', `num_nonnulls(finding_id, submission_id) <= 1`)
@ObjectType('CellRating', { description: 'One member’s rating of a cell of the assessment matrix.' })
export class ModelRatingEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Field(() => ID) @Column({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @Field(() => ID) @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Field(() => ModelRating) @Column({ type: 'varchar', length: 8 }) rating!: ModelRating;
  @Field() @Column({ type: 'text', default: '' }) note!: string;
  @Field(() => ID, { nullable: true, description: 'A finding the rating rests on.' }) @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'A case-study submission the rating rests on.' }) @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId!: string | null;
  @Field(() => String, { nullable: true, description: 'With submissionId: the field of the case study.' }) @Column({ name: 'field_id', type: 'varchar', length: 64, nullable: true }) fieldId!: string | null;
  /** Filled by the service from the member's account. */
  @Field({ description: 'Who rated.' }) raterName?: string;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => PracticeModelEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'model_id' }) model?: PracticeModelEntity;
  @ManyToOne(() => CriterionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'criterion_id' }) criterion?: CriterionEntity;
  @ManyToOne(() => MemberEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'member_id' }) member?: MemberEntity;
  @ManyToOne(() => FindingEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'finding_id' }) finding?: FindingEntity;
  @ManyToOne(() => CaseStudySubmissionEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'submission_id' }) submission?: CaseStudySubmissionEntity;
}
