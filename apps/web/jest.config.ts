// Unit tests of the web app's pure parts (colours, links, connection words, diff folding); the screens are
// covered by the Playwright journeys in apps/web-e2e.
import type { Config } from 'jest';
import { aliases, swcTransform } from '../../jest.preset';

const config: Config = {
  displayName: 'web',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: swcTransform,
  moduleNameMapper: aliases,
};
export default config;
