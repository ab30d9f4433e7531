// Parameter decorators that hand resolvers what the policy guard established.
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { authorizedMember, authorizedViewer } from './policy.guard';

const infoOf = (ctx: ExecutionContext) => GqlExecutionContext.create(ctx).getInfo<GraphQLResolveInfo>();

/** The viewer's membership in the workspace the guard checked. */
export const CurrentMember = createParamDecorator((_: unknown, ctx: ExecutionContext) => authorizedMember(infoOf(ctx)));
/** The signed-in viewer (only on operations whose rule requires sign-in). */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext) => authorizedViewer(infoOf(ctx)));
/** The request context (request, response, lazily resolved viewer). */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => GqlExecutionContext.create(ctx).getContext());
