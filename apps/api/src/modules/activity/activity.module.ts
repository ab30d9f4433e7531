import { Global, Module } from '@nestjs/common';
import { ActivityResolver, WorkspaceActivityResolver } from './activity.resolver';
import { ActivityService } from './activity.service';
import { DeliverableTicker } from './deliverable-ticker';

/** Global, like the audit log: every feature module records its events here. */
@Global()
@Module({ providers: [ActivityService, DeliverableTicker, ActivityResolver, WorkspaceActivityResolver], exports: [ActivityService] })
export class ActivityModule {}
