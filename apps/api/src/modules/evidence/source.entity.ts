import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A piece of existing literature the guidance is mapped against. */
@Entity('sources')
@Index('sources_workspace_idx', ['workspaceId'])
@ObjectType('Source')
export class SourceEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'text' }) title!: string;
  @Field() @Column({ type: 'text' }) authors!: string;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) publisher!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) url!: string | null;
  @Field() @Column({ type: 'varchar', length: 32 }) type!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}
