import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CriterionEntity } from './criterion.entity';
import { ConsensusResolver } from './consensus.resolver';
import { ConsensusService } from './consensus.service';

@Module({
  imports: [TypeOrmModule.forFeature([CriterionEntity])],
  providers: [ConsensusService, ConsensusResolver],
  exports: [ConsensusService],
})
export class ConsensusModule {}
