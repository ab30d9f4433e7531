import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PracticeModelEntity } from './practice-model.entity';

@Injectable()
export class ModelsService {
  constructor(@InjectRepository(PracticeModelEntity) private readonly repo: Repository<PracticeModelEntity>) {}

  forWorkspace(workspaceId: string): Promise<PracticeModelEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { name: 'ASC' } });
  }
}
