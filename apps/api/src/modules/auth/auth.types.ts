import { Field, ObjectType } from '@nestjs/graphql';
import { UserEntity } from './user.entity';

@ObjectType('AuthPayload')
export class AuthPayload {
  /** Also usable as `Authorization: Bearer <token>` and as `token` on /collab. */
  @Field() token!: string;
  @Field(() => UserEntity) user!: UserEntity;
}
