import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditResolver, WorkspaceAuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditService, AuditResolver, WorkspaceAuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
