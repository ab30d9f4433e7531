import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { LOGGER } from '../../common/logger';
import { AuthModule } from '../auth/auth.module';
import { MAILER, OutboxMailer } from './mailer';
import { MembershipEvents } from './membership.events';
import { InvitationsResolver, MembersResolver, WorkspacesResolver } from './workspaces.resolver';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [AuthModule],
  providers: [
    WorkspacesService,
    MembershipEvents,
    WorkspacesResolver,
    MembersResolver,
    InvitationsResolver,
    { provide: MAILER, inject: [APP_CONFIG, LOGGER], useFactory: (c: AppConfig, l: Logger) => new OutboxMailer(join(c.dataDir, 'outbox'), l) },
  ],
  exports: [WorkspacesService, MembershipEvents],
})
export class WorkspacesModule {}
