import { Controller, Get, Res, SetMetadata } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PUBLIC_HTTP } from '../../common/policy.guard';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('healthz')
  @SetMetadata(PUBLIC_HTTP, true)
  async health(@Res() res: Response) {
    try {
      await Promise.race([this.db.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      res.status(200).json({ status: 'ok', db: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', db: 'unreachable' });
    }
  }
}
