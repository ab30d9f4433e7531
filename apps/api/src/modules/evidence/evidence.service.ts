import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SourceEntity } from './source.entity';

@Injectable()
export class EvidenceService {
  constructor(@InjectRepository(SourceEntity) private readonly repo: Repository<SourceEntity>) {}

  forWorkspace(workspaceId: string): Promise<SourceEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { year: 'DESC', title: 'ASC' } });
  }
}
