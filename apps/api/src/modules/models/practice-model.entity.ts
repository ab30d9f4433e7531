import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserEntity } from '../auth/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The seven NHS England regions. */
export enum NhsRegion {
  NORTH_EAST_AND_YORKSHIRE = 'NORTH_EAST_AND_YORKSHIRE',
  NORTH_WEST = 'NORTH_WEST',
  MIDLANDS = 'MIDLANDS',
  EAST_OF_ENGLAND = 'EAST_OF_ENGLAND',
  LONDON = 'LONDON',
  SOUTH_EAST = 'SOUTH_EAST',
  SOUTH_WEST = 'SOUTH_WEST',
}
export enum ModelType {
  LIAISON_SERVICE = 'LIAISON_SERVICE',
  CMHT_STYLE = 'CMHT_STYLE',
  EMBEDDED_CLINICIAN = 'EMBEDDED_CLINICIAN',
  SINGLE_POINT_OF_ACCESS = 'SINGLE_POINT_OF_ACCESS',
  CRISIS_PATHWAY = 'CRISIS_PATHWAY',
  DIGITAL = 'DIGITAL',
  OTHER = 'OTHER',
}
registerEnumType(NhsRegion, { name: 'NhsRegion', description: 'The seven NHS England regions.' });
registerEnumType(ModelType, { name: 'ModelType' });

const list = (e: object) => Object.values(e).map((v) => `'${v}'`).join(', ');

/** A candidate model of good practice in HE–NHS joint working. */
@Entity('practice_models')
@Index('practice_models_workspace_idx', ['workspaceId'])
@Check('practice_models_region_check', `region IN (${list(NhsRegion)})`)
@Check('practice_models_type_check', `type IN (${list(ModelType)})`)
@ObjectType('PracticeModel')
export class PracticeModelEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name!: string;
  @Field({ description: 'The lead provider or providers (HEPs, colleges).' }) @Column({ name: 'lead_providers', type: 'text' }) leadProviders!: string;
  @Field() @Column({ name: 'nhs_partners', type: 'text' }) nhsPartners!: string;
  @Field(() => NhsRegion) @Column({ type: 'varchar', length: 64 }) region!: NhsRegion;
  @Field(() => ModelType) @Column({ type: 'varchar', length: 32 }) type!: ModelType;
  @Field() @Column({ type: 'text' }) summary!: string;
  @Field(() => String, { nullable: true, description: 'Who to contact about the model (name, role, e-mail).' }) @Column({ type: 'text', nullable: true }) contact!: string | null;
  /** Seeded examples are illustrative, not real assessments. */
  @Field() @Column({ type: 'boolean', default: false }) illustrative!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt!: Date;
  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'workspace_id' }) workspace?: WorkspaceEntity;
}

/**
 * A model's contact: an account invited to fill in that model's case study. With the REVIEWER role
 * this row is all they may reach in the workspace (the policy's `model.read` / `caseStudy.fill`).
 */
@Entity('practice_model_contacts')
@Index('practice_model_contacts_user_idx', ['userId'])
export class ModelContactEntity {
  @PrimaryColumn({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => PracticeModelEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'model_id' }) model?: PracticeModelEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserEntity;
}
