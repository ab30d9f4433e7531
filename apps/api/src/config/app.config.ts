// Every environment variable the server reads, validated once at start (CONTRACT "Environment").
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class EnvironmentVariables {
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString() @MinLength(1)
  HOST = '127.0.0.1';

  @IsOptional() @IsString() @MinLength(1)
  DATA_DIR = '.data';

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;

  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional() @IsString() @MinLength(8, { message: 'must be at least 8 characters' })
  DEMO_PASSWORD = 'concord-demo';

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /** Public address used in invitation links; defaults to http://localhost:PORT. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Failed sign-ins allowed per account, and sign-in attempts per address, in LOGIN_WINDOW_SECONDS. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS = 50;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Collaboration limits (ws /collab). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024)
  COLLAB_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024)
  COLLAB_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT = 250;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  COLLAB_MAX_CONNECTIONS_PER_USER = 20;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  COLLAB_IDLE_UNLOAD_MS = 10_000;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  COLLAB_COMPACT_AFTER = 500;

  /** Batches of one document's updates committed at once (each on its own connection). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8)
  COLLAB_COMMITS_IN_FLIGHT = 2;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100)
  COLLAB_AUTH_DEADLINE_MS = 5_000;

  /** How often rounds and review rounds are opened and closed at their set times. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100)
  SCHEDULE_INTERVAL_MS = 15_000;

  /** Characters of text beyond which a document is refused for export (413 TOO_LARGE). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000)
  EXPORT_MAX_CHARACTERS = 1_000_000;

  /** Where the built web app lives; served at / when present. */
  @IsOptional() @IsString()
  WEB_DIST = 'dist/apps/web';
}

export interface AppConfig {
  databaseUrl?: string;
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string;
  sessionSecret: string;
  seedDemo: boolean | undefined;
  demoPassword: string;
  logLevel: string;
  production: boolean;
  publicUrl?: string;
  login: { maxFailuresPerAccount: number; maxAttemptsPerAddress: number; windowSeconds: number };
  webDist: string;
  scheduleIntervalMs: number;
  exportMaxCharacters: number;
  collab: {
    maxMessageBytes: number;
    maxDocumentBytes: number;
    maxConnectionsPerDocument: number;
    maxConnectionsPerUser: number;
    idleUnloadMs: number;
    compactAfter: number;
    commitsInFlight: number;
    authDeadlineMs: number;
  };
}

export class ConfigError extends Error {}

/** Validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'SEED_DEMO', 'PUBLIC_URL']) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const why = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property} ${why.replace(new RegExp(`^${first.property}\\s*`), '')}`);
  }
  const dataDir = resolve(vars.DATA_DIR);
  return {
    databaseUrl: vars.DATABASE_URL,
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    redisUrl: vars.REDIS_URL,
    sessionSecret: vars.SESSION_SECRET ?? generatedSecret(dataDir),
    seedDemo: vars.SEED_DEMO,
    demoPassword: vars.DEMO_PASSWORD,
    logLevel: vars.LOG_LEVEL,
    production: vars.NODE_ENV === 'production',
    publicUrl: vars.PUBLIC_URL,
    login: {
      maxFailuresPerAccount: vars.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxAttemptsPerAddress: vars.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
      windowSeconds: vars.LOGIN_WINDOW_SECONDS,
    },
    webDist: resolve(vars.WEB_DIST),
    scheduleIntervalMs: vars.SCHEDULE_INTERVAL_MS,
    exportMaxCharacters: vars.EXPORT_MAX_CHARACTERS,
    collab: {
      maxMessageBytes: vars.COLLAB_MAX_MESSAGE_BYTES,
      maxDocumentBytes: vars.COLLAB_MAX_DOCUMENT_BYTES,
      maxConnectionsPerDocument: vars.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
      maxConnectionsPerUser: vars.COLLAB_MAX_CONNECTIONS_PER_USER,
      idleUnloadMs: vars.COLLAB_IDLE_UNLOAD_MS,
      compactAfter: vars.COLLAB_COMPACT_AFTER,
      commitsInFlight: vars.COLLAB_COMMITS_IN_FLIGHT,
      authDeadlineMs: vars.COLLAB_AUTH_DEADLINE_MS,
    },
  };
}

/** A secret generated on first start and kept in DATA_DIR, so sessions survive restarts. */
function generatedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
