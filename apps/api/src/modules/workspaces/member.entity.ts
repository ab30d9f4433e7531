import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserEntity } from '../auth/user.entity';
import { WorkspaceEntity } from './workspace.entity';
import { Role, Sector } from '@concord/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('members')
@Check('members_role_check', `role IN ('LEAD', 'EDITOR', 'MEMBER', 'REVIEWER', 'OBSERVER')`)
@Check('members_sector_check', `sector IN ('HE', 'NHS', 'SECTOR_BODY', 'STUDENT', 'OTHER')`)
@Unique('members_workspace_user_key', ['workspaceId', 'userId'])
@ObjectType('Member')
export class MemberEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Index('members_user_idx') @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Field(() => Role) @Column({ type: 'varchar', length: 16 }) role!: Role;
  @Field() @Column({ type: 'varchar', length: 200 }) organisation!: string;
  @Field(() => Sector) @Column({ type: 'varchar', length: 16 }) sector!: Sector;
  @Field() @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
}
