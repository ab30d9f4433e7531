import type { Config } from 'jest';
import { aliases, swcTransform } from '../../jest.preset';

// Unit specs sit beside the code; integration specs in test/ start the real server as a child process
// against a real PostgreSQL (TEST_DATABASE_URL, else an embedded one started by the global setup).
const config: Config = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: swcTransform,
  moduleNameMapper: aliases,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
export default config;
