import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { DocumentEntity } from '../documents/document.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { SourceEntity } from './source.entity';

export enum FindingKind {
  RECOMMENDATION = 'RECOMMENDATION',
  CHALLENGE = 'CHALLENGE',
  SOLUTION = 'SOLUTION',
  GOOD_PRACTICE = 'GOOD_PRACTICE',
}
registerEnumType(FindingKind, { name: 'FindingKind' });

/** Something a source says: a recommendation, challenge, solution or example of good practice. */
@Entity('findings')
@Index('findings_workspace_idx', ['workspaceId'])
@Index('findings_source_idx', ['sourceId'])
@Check('findings_kind_check', `kind IN ('RECOMMENDATION', 'CHALLENGE', 'SOLUTION', 'GOOD_PRACTICE')`)
@ObjectType('Finding')
export class FindingEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Field(() => FindingKind) @Column({ type: 'varchar', length: 16 }) kind!: FindingKind;
  @Field() @Column({ type: 'text' }) text!: string;
  @Field({ description: 'Page or section of the source.' }) @Column({ type: 'text', default: '' }) reference!: string;
  @Field(() => [String], { description: 'Challenge tags of the workspace.' }) @Column({ type: 'text', array: true, default: () => "'{}'" }) tags!: string[];
  @Field({ description: 'Seeded as an example; not taken from the source.' }) @Column({ type: 'boolean', default: false }) illustrative!: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'source_id' }) source?: SourceEntity;
}

/**
 * A finding or a case study mapped to a section of a guidance document, by the heading's stable id:
 * renaming the heading keeps the mapping. The title is the last one seen, for a heading since deleted.
 */
@Entity('evidence_sections')
@Index('evidence_sections_document_idx', ['documentId', 'sectionId'])
@Index('evidence_sections_finding_key', ['findingId', 'documentId', 'sectionId'], { unique: true, where: 'finding_id IS NOT NULL' })
@Index('evidence_sections_submission_key', ['submissionId', 'documentId', 'sectionId'], { unique: true, where: 'submission_id IS NOT NULL' })
@Check('evidence_sections_one_target_check', `num_nonnulls(finding_id, submission_id) = 1`)
export class EvidenceSectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'section_id', type: 'varchar', length: 64 }) sectionId!: string;
  @Column({ name: 'section_title', type: 'text', default: '' }) sectionTitle!: string;
  @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId!: string | null;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId!: string | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
  @ManyToOne(() => FindingEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'finding_id' }) finding?: FindingEntity;
  @ManyToOne(() => CaseStudySubmissionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'submission_id' }) submission?: CaseStudySubmissionEntity;
}
