import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { DecisionsResolver, WorkspaceDecisionsResolver } from './decisions.resolver';
import { DecisionsService } from './decisions.service';

@Module({ imports: [DocumentsModule], providers: [DecisionsService, DecisionsResolver, WorkspaceDecisionsResolver], exports: [DecisionsService] })
export class DecisionsModule {}
