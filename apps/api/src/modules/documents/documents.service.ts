import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DocumentEntity } from './document.entity';

@Injectable()
export class DocumentsService {
  constructor(@InjectRepository(DocumentEntity) private readonly repo: Repository<DocumentEntity>) {}

  forWorkspace(workspaceId: string): Promise<DocumentEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }
}
