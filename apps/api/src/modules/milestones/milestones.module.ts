import { Module } from '@nestjs/common';
import { DeliverablesResolver, MilestonesResolver, WorkspaceMilestonesResolver } from './milestones.resolver';
import { MilestonesService } from './milestones.service';

@Module({ providers: [MilestonesService, MilestonesResolver, DeliverablesResolver, WorkspaceMilestonesResolver], exports: [MilestonesService] })
export class MilestonesModule {}
