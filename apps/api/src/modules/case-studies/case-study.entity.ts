import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { StoredValue, TemplateSection } from '@concord/assessment';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum CaseStudyStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
}
registerEnumType(CaseStudyStatus, { name: 'CaseStudyStatus', description: 'DRAFT → SUBMITTED; an editor may return a submission (RETURNED), which is then edited and submitted again.' });

/**
 * One version of the workspace's case-study template. A version is never changed once a submission
 * uses it: saving the template then makes a new version, so old submissions read against theirs.
 */
@Entity('case_study_templates')
@Unique('case_study_templates_workspace_version_key', ['workspaceId', 'version'])
@ObjectType('CaseStudyTemplate')
export class CaseStudyTemplateEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => Int) @Column({ type: 'int' }) version!: number;
  /** Sections in order, each with its fields in order (libs/assessment TemplateSection). */
  @Column({ type: 'jsonb' }) sections!: TemplateSection[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

/** A model's case study: answers against one template version. */
@Entity('case_study_submissions')
@Index('case_study_submissions_model_idx', ['modelId', 'createdAt'])
@Index('case_study_submissions_workspace_idx', ['workspaceId'])
@Check('case_study_submissions_status_check', `status IN ('DRAFT', 'SUBMITTED', 'RETURNED')`)
@ObjectType('CaseStudySubmission')
export class CaseStudySubmissionEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Field(() => ID) @Column({ name: 'template_id', type: 'uuid' }) templateId!: string;
  @Field(() => CaseStudyStatus) @Column({ type: 'varchar', length: 10, default: CaseStudyStatus.DRAFT }) status!: CaseStudyStatus;
  /** field id → value (libs/assessment StoredValue). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) answers!: Record<string, StoredValue>;
  @Field(() => String, { nullable: true, description: 'Why an editor returned it.' }) @Column({ name: 'return_comment', type: 'text', nullable: true }) returnComment!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt!: Date | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => PracticeModelEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'model_id' }) model?: PracticeModelEntity;
  @ManyToOne(() => CaseStudyTemplateEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'template_id' }) template?: CaseStudyTemplateEntity;
}
