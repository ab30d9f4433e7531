import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserEntity } from './user.entity';

@ObjectType('AuthPayload')
export class AuthPayload {
  /** Also usable as `Authorization: Bearer <token>` and as `token` on /collab. */
  @Field() token!: string;
  @Field(() => UserEntity) user!: UserEntity;
  /** The workspace just joined, when the payload answers acceptInvitation. */
  @Field(() => ID, { nullable: true }) workspaceId?: string;
}
