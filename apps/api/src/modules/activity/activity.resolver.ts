import { Args, ID, Int, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter } from 'rxjs';
import { toAsyncIterator } from '../../common/async-iterator';
import { CurrentMember } from '../../common/current.decorator';
import { badInput } from '../../common/domain-error';
import { arg, parent, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { ActivityEventEntity } from './activity-event.entity';
import { ActivityService } from './activity.service';

@Resolver(() => ActivityEventEntity)
export class ActivityResolver {
  constructor(private readonly service: ActivityService) {}

  @Subscription(() => ActivityEventEntity, {
    description: 'Workspace events as they commit, for members who may read them (checked again for every event).',
    resolve: (e: ActivityEventEntity) => e,
  })
  @Scope(arg('workspaceId'))
  activity(@Args('workspaceId', { type: () => ID }) workspaceId: string, @CurrentMember() subscriber: MemberEntity) {
    return toAsyncIterator(
      this.service.published.pipe(
        filter((e) => e.workspaceId === workspaceId),
        concatMap(async (e) => ((await this.service.mayRead(subscriber.userId, workspaceId)) ? [e] : [])),
        concatMap((e) => e),
      ),
    );
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceActivityResolver {
  constructor(private readonly service: ActivityService) {}

  @ResolveField(() => [ActivityEventEntity], { description: 'Recent activity, newest first (at most 200); `before` an event id pages back.' })
  @Scope(parent('id'))
  activity(
    @Parent() workspace: WorkspaceEntity,
    @Args('limit', { type: () => Int, defaultValue: 30 }) limit: number,
    @Args('before', { type: () => ID, nullable: true }) before?: string,
  ) {
    if (before !== undefined && before !== null && !/^\d{1,18}$/.test(before)) throw badInput('before', 'before: must be an activity event id');
    return this.service.recent(workspace.id, limit, before);
  }
}
