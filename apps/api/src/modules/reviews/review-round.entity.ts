import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AnnotationEntity } from '../annotations/annotation.entity';
import { DocumentEntity, DocumentVersionEntity } from '../documents/document.entity';
import { UserEntity } from '../auth/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum ReviewRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
export enum TriageResponse {
  ACCEPTED = 'ACCEPTED',
  ACCEPTED_IN_PART = 'ACCEPTED_IN_PART',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  DEFERRED = 'DEFERRED',
}
export enum CarryResult {
  EXACT = 'EXACT',
  FUZZY = 'FUZZY',
  UNMATCHED = 'UNMATCHED',
}
registerEnumType(ReviewRoundStatus, { name: 'ReviewRoundStatus' });
registerEnumType(TriageResponse, { name: 'TriageResponse' });
registerEnumType(CarryResult, { name: 'CarryResult', description: 'How a reviewer’s annotation was carried onto the live draft when the round closed.' });

/** A stakeholder review: a named version shared with invited reviewers until a closing time. */
@ObjectType('ReviewRound')
@Entity('review_rounds')
@Index('review_rounds_workspace_idx', ['workspaceId', 'createdAt'])
@Check('review_rounds_status_check', `status IN ('OPEN', 'CLOSED')`)
export class ReviewRoundEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field(() => ID) @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Field(() => ID) @Column({ name: 'version_id', type: 'uuid' }) versionId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field() @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Field(() => ReviewRoundStatus) @Column({ type: 'varchar', length: 8, default: ReviewRoundStatus.OPEN }) status!: ReviewRoundStatus;
  @Column({ name: 'opened_by', type: 'uuid', nullable: true }) openedBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) summary!: Record<string, unknown> | null;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'version_id' }) version?: DocumentVersionEntity;
}

/** Who may review in a round: access ends when the round closes or its closing time passes. */
@Entity('review_round_reviewers')
@Unique('review_round_reviewers_key', ['roundId', 'userId'])
export class ReviewerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Index('review_round_reviewers_user_idx') @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
  @ManyToOne(() => ReviewRoundEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'round_id' }) round?: ReviewRoundEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
}

/** The group's answer to one reviewer comment: the "we did" of "you said, we did". */
@ObjectType('TriageResponseEntry')
@Entity('triage_responses')
@Check('triage_responses_response_check', `response IN ('ACCEPTED', 'ACCEPTED_IN_PART', 'NOT_ACCEPTED', 'DEFERRED')`)
export class TriageResponseEntity {
  @PrimaryColumn({ name: 'annotation_id', type: 'uuid' }) annotationId!: string;
  @Field(() => TriageResponse) @Column({ type: 'varchar', length: 20 }) response!: TriageResponse;
  @Field() @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'responded_by', type: 'uuid', nullable: true }) respondedBy!: string | null;
  @Field() @Column({ name: 'responded_at', type: 'timestamptz', default: () => 'now()' }) respondedAt!: Date;
  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'annotation_id' }) annotation?: AnnotationEntity;
}
