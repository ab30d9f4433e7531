import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Security-relevant actions, readable by leads. Never holds secrets or ballot contents. */
@Entity('audit_events')
@Index('audit_events_workspace_idx', ['workspaceId', 'createdAt'])
@ObjectType('AuditEvent')
export class AuditEventEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid', nullable: true }) workspaceId!: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Field() @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ name: 'target_id', type: 'uuid', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb', default: {} }) data!: Record<string, unknown>;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
