import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A candidate model of good practice in HE–NHS joint working. */
@Entity('practice_models')
@Index('practice_models_workspace_idx', ['workspaceId'])
@ObjectType('PracticeModel')
export class PracticeModelEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name!: string;
  @Field() @Column({ name: 'lead_providers', type: 'text' }) leadProviders!: string;
  @Field() @Column({ name: 'nhs_partners', type: 'text' }) nhsPartners!: string;
  @Field() @Column({ type: 'varchar', length: 64 }) region!: string;
  @Field() @Column({ type: 'varchar', length: 32 }) type!: string;
  @Field() @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'text', nullable: true }) contact!: string | null;
  /** Seeded examples are illustrative, not real assessments. */
  @Field() @Column({ type: 'boolean', default: false }) illustrative!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
