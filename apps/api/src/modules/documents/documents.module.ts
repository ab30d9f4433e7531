import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentContentService } from './document-content.service';
import { DocumentEntity } from './document.entity';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity])],
  providers: [DocumentsService, DocumentsResolver, DocumentContentService],
  exports: [DocumentsService, DocumentContentService],
})
export class DocumentsModule {}
