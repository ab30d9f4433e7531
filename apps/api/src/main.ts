// Starts Concord: validated configuration, the database (embedded when DATABASE_URL is unset),
// migrations, the demo seed, and one HTTP server for the web app, /graphql and /healthz.
import './yjs-esm'; // first: see the file
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { CollaborationServer } from './collaboration/collaboration.server';
import { createLogger, PinoNestLogger } from './common/logger';
import { AppConfig, ConfigError, loadConfig } from './config/app.config';
import { countSqlStatements, sqlCountingWanted } from './common/sql-counter';
import { migrate } from './database/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { DEMO_ACCOUNTS } from './modules/seed/demo-data';
import { SeedService } from './modules/seed/seed.service';

const JSON_LIMIT = '1mb';

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let closing = false;
  const appRef: { current?: NestExpressApplication } = {};

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    try {
      await appRef.current?.close();
      await embedded?.stop();
    } catch (e) {
      logger.error({ err: String(e) }, 'error while shutting down');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, (msg) => logger.info(msg));
    config.databaseUrl = embedded.url;
    logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  const applied = await migrate(config.databaseUrl);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, logger, { schemaFile: process.env.SCHEMA_FILE || false }), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  appRef.current = app;
  app.set('trust proxy', 'loopback');
  if (sqlCountingWanted(config.production)) app.use(countSqlStatements());
  app.use(express.json({ limit: JSON_LIMIT }));
  app.use(bodyErrors);
  app.use(cookieParser());
  app.use(securityHeaders);
  serveWebApp(app, config.webDist, logger);

  const seeded = await app.get(SeedService).seedIfWanted();
  app.get(CollaborationServer).attach(app.getHttpServer());
  await app.listen(config.port, config.host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  config.port = port;
  const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, port, demo: seeded }, 'listening');
  printBanner(url, seeded, config);
}

/** A body that is not JSON, or too large, gets a GraphQL-shaped error with a code rather than an HTML page. */
function bodyErrors(err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (!err) return next();
  const status = (err as { status?: number }).status ?? 400;
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message = status === 413 ? `Request body over ${JSON_LIMIT}` : 'Request body is not valid JSON';
  res.status(status === 413 ? 413 : 400).json({ errors: [{ message, extensions: { code } }] });
}

function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

/** The built web app at /, with index.html for client routes (never for the API's paths). */
function serveWebApp(app: NestExpressApplication, dist: string, logger: Logger) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dist }, 'web app not built: run `npm start` (which builds it) or `npx nx build web`');
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || /^\/(graphql|collab|healthz|briefings|exports)(\/|$)/.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function printBanner(url: string, seeded: boolean, config: AppConfig) {
  const lines = ['', `  Concord is running at ${url}`];
  if (seeded) {
    lines.push('', '  Demo accounts (password: ' + (process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : config.demoPassword) + '):');
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(32)} ${a.role.toLowerCase()}, ${a.sector}`);
  }
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`Concord failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
