// Structured JSON logs (pino) behind Nest's LoggerService.
import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'concord-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Secrets never reach the log: tokens, passwords and cookies are redacted wherever they appear.
    redact: { paths: ['*.password', '*.token', '*.cookie', '*.authorization', 'req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}

export const LOGGER = Symbol('LOGGER');
