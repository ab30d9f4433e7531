import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app.config';

const dir = () => mkdtempSync(join(tmpdir(), 'concord-config-'));

describe('configuration', () => {
  it('applies the CONTRACT defaults', () => {
    const d = dir();
    const c = loadConfig({ DATA_DIR: d });
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoPassword).toBe('concord-demo');
    expect(c.logLevel).toBe('info');
    expect(c.seedDemo).toBeUndefined();
  });

  it('generates SESSION_SECRET once and keeps it in DATA_DIR', () => {
    const d = dir();
    const a = loadConfig({ DATA_DIR: d }).sessionSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: d }).sessionSecret).toBe(a);
    expect(readFileSync(join(d, 'session-secret'), 'utf8').trim()).toBe(a);
  });

  it.each([
    ['PORT', 'seventy'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['SESSION_SECRET', 'short'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'not a url'],
  ])('refuses a bad %s with one line naming it', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir(), [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('reads booleans and numbers from strings', () => {
    const c = loadConfig({ DATA_DIR: dir(), SEED_DEMO: 'false', PORT: '0', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    expect(c.seedDemo).toBe(false);
    expect(c.port).toBe(0);
    expect(c.login.maxFailuresPerAccount).toBe(3);
  });
});
