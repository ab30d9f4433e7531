import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  workspaceId: string;
  kind: string;
  message: string;
  link: string;
}

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  async notify(items: NewNotification[], manager?: EntityManager): Promise<void> {
    if (items.length === 0) return;
    await (manager ? manager.getRepository(NotificationEntity) : this.notifications).insert(items.map((n) => ({ ...n, readAt: null })));
  }

  forUser(userId: string, unreadOnly: boolean): Promise<NotificationEntity[]> {
    return this.notifications.find({ where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async markRead(userId: string, ids: string[]): Promise<number> {
    const r = await this.notifications.update({ userId, id: In(ids), readAt: IsNull() }, { readAt: new Date() });
    return r.affected ?? 0;
  }
}
