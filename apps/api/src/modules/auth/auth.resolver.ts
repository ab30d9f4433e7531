import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/current.decorator';
import type { RequestContext, Viewer } from '../../common/request-context';
import { AuthService } from './auth.service';
import { AuthPayload } from './auth.types';
import { LoginInput } from './dto/login.input';
import { UpdateProfileInput } from './dto/update-profile.input';
import { UserEntity } from './user.entity';

@Resolver(() => UserEntity)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => UserEntity, { nullable: true })
  async me(@Ctx() ctx: RequestContext): Promise<UserEntity | null> {
    const viewer = await ctx.viewer();
    return viewer ? this.auth.findUser(viewer.userId) : null;
  }

  @Mutation(() => AuthPayload)
  login(@Args('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password, ctx.req, ctx.res);
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session on the server and clears the cookie.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.auth.logout(ctx.req, ctx.res);
  }

  @Mutation(() => UserEntity)
  updateProfile(@Args('input') input: UpdateProfileInput, @CurrentViewer() viewer: Viewer): Promise<UserEntity> {
    return this.auth.updateName(viewer.userId, input.name);
  }
}
