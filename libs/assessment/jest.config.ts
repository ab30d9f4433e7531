import type { Config } from 'jest';
import { swcTransform } from '../../jest.preset';

const config: Config = {
  displayName: 'assessment',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: swcTransform,
};
export default config;
