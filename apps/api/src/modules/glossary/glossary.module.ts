import { Module } from '@nestjs/common';
import { GlossaryResolver, WorkspaceGlossaryResolver } from './glossary.resolver';
import { GlossaryService } from './glossary.service';

@Module({ providers: [GlossaryService, GlossaryResolver, WorkspaceGlossaryResolver], exports: [GlossaryService] })
export class GlossaryModule {}
