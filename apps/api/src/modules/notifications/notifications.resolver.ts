import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/current.decorator';
import { badInput } from '../../common/domain-error';
import type { Viewer } from '../../common/request-context';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationEntity)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => [NotificationEntity], { description: 'The signed-in person’s notifications, newest first (at most 100).' })
  notifications(@CurrentViewer() viewer: Viewer, @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean) {
    return this.service.forUser(viewer.userId, unreadOnly);
  }

  @Mutation(() => Int, { description: 'Marks the caller’s notifications read; returns how many changed.' })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args('ids', { type: () => [ID] }) ids: string[]) {
    if (ids.length > 500) throw badInput('ids', 'ids: at most 500 at a time');
    const bad = ids.findIndex((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (bad >= 0) throw badInput(`ids[${bad}]`, `ids[${bad}]: must be a valid id`);
    return this.service.markRead(viewer.userId, ids);
  }
}
