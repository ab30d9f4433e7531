import { Module } from '@nestjs/common';
import { DecisionsResolver, WorkspaceDecisionsResolver } from './decisions.resolver';
import { DecisionsService } from './decisions.service';

@Module({ providers: [DecisionsService, DecisionsResolver, WorkspaceDecisionsResolver], exports: [DecisionsService] })
export class DecisionsModule {}
