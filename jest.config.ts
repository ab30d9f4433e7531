// `npm test` runs every project's tests in one Jest process: libs (unit), api (unit + integration over HTTP).
import type { Config } from 'jest';

const config: Config = {
  projects: ['<rootDir>/libs/shared/jest.config.ts', '<rootDir>/apps/api/jest.config.ts'],
};
export default config;
