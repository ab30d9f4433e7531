import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('documents')
@Index('documents_workspace_idx', ['workspaceId'])
@ObjectType('Document')
export class DocumentEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title!: string;
  @Field(() => Int, { nullable: true }) @Column({ name: 'word_budget', type: 'int', nullable: true }) wordBudget!: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

/** The compacted Yjs state of a document (a full update); the update log holds what came after. */
@Entity('document_snapshots')
export class DocumentSnapshotEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'bytea' }) state!: Buffer;
  /** SHA-256 of `state` as compaction wrote it: a load that finds it intact skips parsing the state to prove it readable. */
  @Column({ type: 'bytea', nullable: true }) digest!: Buffer | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
}

/** The update log: every Yjs update a client sent, committed before it is relayed. Compaction folds it into the snapshot. */
@Entity('document_updates')
@Index('document_updates_document_idx', ['documentId', 'id'])
export class DocumentUpdateEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'bytea' }) data!: Buffer;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
}

/** A named version: the whole document state when it was made. */
@ObjectType('DocumentVersion')
@Entity('document_versions')
@Index('document_versions_document_idx', ['documentId', 'createdAt'])
export class DocumentVersionEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  /** The document's workspace, kept here so the policy finds a version's workspace in one lookup. */
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'bytea' }) state!: Buffer;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: DocumentEntity;
}
