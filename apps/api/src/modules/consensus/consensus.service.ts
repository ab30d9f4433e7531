import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CriterionEntity } from './criterion.entity';

@Injectable()
export class ConsensusService {
  constructor(@InjectRepository(CriterionEntity) private readonly repo: Repository<CriterionEntity>) {}

  forWorkspace(workspaceId: string, take?: number): Promise<CriterionEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { position: 'ASC', createdAt: 'ASC' }, take });
  }
}
