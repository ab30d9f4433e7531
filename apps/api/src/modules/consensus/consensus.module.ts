import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionsModule } from '../decisions/decisions.module';
import { ConsensusService } from './consensus.service';
import { CriteriaResolver, RoundItemsResolver, RoundsResolver, WorkspaceConsensusResolver } from './consensus.resolver';
import { CriterionEntity } from './criterion.entity';
import { RoundsService } from './rounds.service';

@Module({
  imports: [TypeOrmModule.forFeature([CriterionEntity]), DecisionsModule],
  providers: [ConsensusService, RoundsService, WorkspaceConsensusResolver, CriteriaResolver, RoundsResolver, RoundItemsResolver],
  exports: [ConsensusService, RoundsService],
})
export class ConsensusModule {}
