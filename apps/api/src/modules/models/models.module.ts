import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeModelEntity } from './practice-model.entity';
import { ModelsResolver } from './models.resolver';
import { ModelsService } from './models.service';

@Module({
  imports: [TypeOrmModule.forFeature([PracticeModelEntity])],
  providers: [ModelsService, ModelsResolver],
  exports: [ModelsService],
})
export class ModelsModule {}
