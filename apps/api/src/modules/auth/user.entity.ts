import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
@ObjectType('User')
export class UserEntity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Field() @Column({ type: 'varchar', length: 254, unique: true }) email!: string;
  @Field() @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
