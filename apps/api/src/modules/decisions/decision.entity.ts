import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export enum DecisionStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

/** Where a decision was agreed. */
export enum AgreedVia {
  /** At a meeting (agreedMeetingId). */
  MEETING = 'MEETING',
  /** By a closed consensus round (agreedRoundId). */
  ROUND = 'ROUND',
  /** Recorded by a lead with neither named (e.g. agreed by correspondence). */
  LEAD = 'LEAD',
}
registerEnumType(AgreedVia, { name: 'AgreedVia', description: 'Where a decision was agreed: at a meeting, by a consensus round, or recorded by a lead.' });

/** A heading of a document that a decision is about (the heading's stable id, and its title when linked). */
@ObjectType('DecisionSection')
export class DecisionSection {
  @Field(() => ID) documentId!: string;
  @Field({ description: 'The heading id (as in Document.sections).' }) sectionId!: string;
  @Field() title!: string;
}

/** The decision log (CONTRACT's shape); numbered per workspace D-001, D-002, … without gaps. */
@ObjectType('Decision')
@Entity('decisions')
@Unique('decisions_workspace_number_key', ['workspaceId', 'number'])
@Check('decisions_status_check', `status IN ('PROPOSED', 'AGREED', 'SUPERSEDED')`)
@Check('decisions_agreed_via_check', `agreed_via IN ('MEETING', 'ROUND', 'LEAD')`)
@Check('decisions_statement_check', `length(btrim(statement)) > 0`)
export class DecisionEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'int' }) number!: number;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field() @Column({ type: 'text' }) statement!: string;
  @Field() @Column({ type: 'text', default: '' }) rationale!: string;
  @Field(() => DecisionStatus) @Column({ type: 'varchar', length: 12, default: DecisionStatus.PROPOSED }) status!: DecisionStatus;
  /** The round result that drafted it (or the first linked one). */
  @Field(() => ID, { nullable: true }) @Column({ name: 'round_item_id', type: 'uuid', nullable: true }) roundItemId!: string | null;
  @Field(() => [ID], { description: 'Round results (round items) it rests on, roundItemId included.' })
  @Column({ name: 'round_item_ids', type: 'uuid', array: true, default: () => "'{}'" })
  roundItemIds!: string[];
  @Field(() => [ID]) @Column({ name: 'annotation_ids', type: 'uuid', array: true, default: () => "'{}'" }) annotationIds!: string[];
  @Field(() => [ID]) @Column({ name: 'source_ids', type: 'uuid', array: true, default: () => "'{}'" }) sourceIds!: string[];
  @Field(() => [DecisionSection]) @Column({ type: 'jsonb', default: [] }) sections!: DecisionSection[];
  @Field(() => ID, { nullable: true }) @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId!: string | null;
  /** The result that drafted it, as text ("INCLUDE: 86% rated 7–9 …"). */
  @Field(() => String, { nullable: true }) @Column({ name: 'result_summary', type: 'text', nullable: true }) resultSummary!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'agreed_at', type: 'timestamptz', nullable: true }) agreedAt!: Date | null;
  @Field(() => AgreedVia, { nullable: true }) @Column({ name: 'agreed_via', type: 'varchar', length: 8, nullable: true }) agreedVia!: AgreedVia | null;
  @Field(() => ID, { nullable: true, description: 'The meeting at which it was agreed.' }) @Column({ name: 'agreed_meeting_id', type: 'uuid', nullable: true }) agreedMeetingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The consensus round by which it was agreed.' }) @Column({ name: 'agreed_round_id', type: 'uuid', nullable: true }) agreedRoundId!: string | null;
  /** The earlier decision this one replaces. */
  @Field(() => ID, { nullable: true }) @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The decision that replaced this one.' }) @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true }) supersededById!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
