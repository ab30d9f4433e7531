import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** Something a person should see: a mention, a round opening or closing, a deliverable due. */
@ObjectType('Notification')
@Entity('notifications')
@Index('notifications_user_idx', ['userId', 'createdAt'])
export class NotificationEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Field(() => ID) @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Field() @Column({ type: 'text' }) message!: string;
  /** Where it leads in the app, e.g. "/w/<workspace>/drafts/<document>?annotation=<id>". */
  @Field() @Column({ type: 'text' }) link!: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
}
