import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum SourceType {
  REPORT = 'REPORT',
  CASE_STUDIES = 'CASE_STUDIES',
  GUIDANCE = 'GUIDANCE',
  ARTICLE = 'ARTICLE',
  WEBSITE = 'WEBSITE',
  OTHER = 'OTHER',
}
registerEnumType(SourceType, { name: 'SourceType' });

/** A piece of existing literature the guidance is mapped against. */
@Entity('sources')
@Index('sources_workspace_idx', ['workspaceId'])
@Check('sources_type_check', `type IN ('REPORT', 'CASE_STUDIES', 'GUIDANCE', 'ARTICLE', 'WEBSITE', 'OTHER')`)
@ObjectType('Source')
export class SourceEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'text' }) title!: string;
  @Field({ description: 'Authors, or the organisation that wrote it.' }) @Column({ type: 'text' }) authors!: string;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) publisher!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) url!: string | null;
  @Field(() => SourceType) @Column({ type: 'varchar', length: 32 }) type!: SourceType;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
