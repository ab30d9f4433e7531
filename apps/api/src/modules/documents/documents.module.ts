import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentContentService } from './document-content.service';
import { DocumentEntity, DocumentVersionEntity } from './document.entity';
import { DocumentsResolver, VersionsResolver, WorkspaceDocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity, DocumentVersionEntity])],
  providers: [DocumentsService, DocumentContentService, WorkspaceDocumentsResolver, DocumentsResolver, VersionsResolver],
  exports: [DocumentsService, DocumentContentService],
})
export class DocumentsModule {}
