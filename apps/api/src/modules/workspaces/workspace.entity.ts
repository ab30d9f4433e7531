import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('workspaces')
@ObjectType('Workspace')
export class WorkspaceEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field() @Column({ type: 'varchar', length: 120 }) name!: string;
  @Field() @Column({ type: 'text', default: '' }) description!: string;
  /** A stable key for seeded workspaces, so seeding is idempotent. */
  @Column({ name: 'seed_key', type: 'varchar', length: 64, nullable: true, unique: true }) seedKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
