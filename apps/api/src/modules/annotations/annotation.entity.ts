import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { DocumentEntity } from '../documents/document.entity';
import { FindingEntity } from '../evidence/finding.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum AnnotationKind {
  COMMENT = 'COMMENT',
  QUESTION = 'QUESTION',
  SUGGESTION = 'SUGGESTION',
  EVIDENCE = 'EVIDENCE',
}
export enum AnnotationStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  ORPHANED = 'ORPHANED',
}
registerEnumType(AnnotationKind, { name: 'AnnotationKind' });
registerEnumType(AnnotationStatus, { name: 'AnnotationStatus' });

/** A comment, question, suggested edit or evidence link anchored to a range of a document's text. */
@ObjectType('Annotation')
@Entity('annotations')
@Index('annotations_document_idx', ['documentId', 'createdAt'])
@Index('annotations_document_page_idx', ['documentId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('annotations_document_status_page_idx', ['documentId', 'status', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('annotations_document_status_section_idx', ['documentId', 'status', 'sectionId'], { where: '"deleted_at" IS NULL' })
@Check('annotations_kind_check', `kind IN ('COMMENT', 'QUESTION', 'SUGGESTION', 'EVIDENCE')`)
@Check('annotations_status_check', `status IN ('OPEN', 'RESOLVED', 'ACCEPTED', 'REJECTED', 'ORPHANED')`)
export class AnnotationEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Field(() => AnnotationKind) @Column({ type: 'varchar', length: 16 }) kind!: AnnotationKind;
  @Field(() => AnnotationStatus) @Column({ type: 'varchar', length: 16, default: AnnotationStatus.OPEN }) status!: AnnotationStatus;
  /** `<start>.<end>`: base64url Yjs relative positions (CONTRACT "Anchors"). */
  @Field() @Column({ type: 'text' }) anchor!: string;
  @Field() @Column({ type: 'text' }) quote!: string;
  @Field(() => String, { nullable: true, description: 'The stable id of the heading the annotation sits under.' }) @Column({ name: 'section_id', type: 'varchar', length: 64, nullable: true }) sectionId!: string | null;
  @Field() @Column({ name: 'section_title', type: 'text', default: '' }) sectionTitle!: string;
  @Field() @Column({ type: 'text' }) body!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) suggestion!: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'evidence_url', type: 'text', nullable: true }) evidenceUrl!: string | null;
  /** For EVIDENCE: a finding of the literature it cites (evidence module). */
  @Field(() => ID, { nullable: true, description: 'For EVIDENCE: the finding it cites.' }) @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId!: string | null;
  /** For EVIDENCE: a case-study submission it cites (case-studies module). */
  @Field(() => ID, { nullable: true, description: 'For EVIDENCE: the case-study submission it cites.' }) @Column({ name: 'case_study_id', type: 'uuid', nullable: true }) caseStudyId!: string | null;
  @Field(() => [String]) @Column({ type: 'text', array: true, default: () => "'{}'" }) tags!: string[];
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  /** Set for a reviewer's annotation made in a review round. */
  @Field(() => ID, { nullable: true }) @Index('annotations_round_idx') @Column({ name: 'review_round_id', type: 'uuid', nullable: true }) reviewRoundId!: string | null;
  /** The version the anchor points into while the round is open; null once it is on the live draft. */
  @Field(() => ID, { nullable: true }) @Column({ name: 'version_id', type: 'uuid', nullable: true }) versionId!: string | null;
  /** How it was carried onto the live draft when its round closed (EXACT, FUZZY, UNMATCHED). */
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 10, nullable: true }) carried!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Field({ description: 'True once the author has changed the text; earlier texts are kept.' }) @Column({ type: 'boolean', default: false }) edited!: boolean;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
  @ManyToOne(() => FindingEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'finding_id' }) finding?: FindingEntity;
  @ManyToOne(() => CaseStudySubmissionEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'case_study_id' }) caseStudy?: CaseStudySubmissionEntity;
}

@ObjectType('Reply')
@Entity('annotation_replies')
@Index('annotation_replies_annotation_idx', ['annotationId', 'createdAt'])
export class ReplyEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'annotation_id', type: 'uuid' }) annotationId!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'text' }) body!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @Column({ type: 'boolean', default: false }) edited!: boolean;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'annotation_id' }) annotation?: AnnotationEntity;
}

/** Earlier texts of annotations and replies: editing keeps what was said. */
@Entity('annotation_edits')
@Index('annotation_edits_target_idx', ['targetId'])
export class AnnotationEditEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'target_id', type: 'uuid' }) targetId!: string;
  @Column({ name: 'previous_body', type: 'text' }) previousBody!: string;
  @CreateDateColumn({ name: 'edited_at', type: 'timestamptz' }) editedAt!: Date;
}

/** The workspace's list of recurring challenges, used to tag annotations and findings. */
@ObjectType('ChallengeTag')
@Entity('challenge_tags')
@Index('challenge_tags_workspace_label_key', ['workspaceId', 'label'], { unique: true })
export class ChallengeTagEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 80 }) label!: string;
  @Column({ type: 'int', default: 0 }) position!: number;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
