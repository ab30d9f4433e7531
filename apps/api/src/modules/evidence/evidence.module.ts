import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourceEntity } from './source.entity';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity])],
  providers: [EvidenceService, EvidenceResolver],
  exports: [EvidenceService],
})
export class EvidenceModule {}
