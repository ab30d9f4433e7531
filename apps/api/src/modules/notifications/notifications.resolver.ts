import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/current.decorator';
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
    return this.service.markRead(viewer.userId, ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 500));
  }
}
