// The workspace's own glossary: the terms the guidance defines for its readers (printed as the exported
// guidance's Glossary appendix). The built-in HE glossary in @concord/nhs-lens supplies suggestions.
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

@Entity('glossary_entries')
@Unique('glossary_entries_workspace_term_key', ['workspaceId', 'termKey'])
@Check('glossary_entries_term_check', `length(btrim(term)) > 0`)
export class GlossaryEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'varchar', length: 80 }) term!: string;
  /** The term case-folded with plain apostrophes and dashes, so "Reading week" and "reading week" are one entry. */
  @Column({ name: 'term_key', type: 'varchar', length: 80 }) termKey!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) expansion!: string | null;
  @Column({ type: 'text' }) explanation!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
