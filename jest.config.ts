// `npm test` runs every project's tests in one Jest process: libs (unit), api (unit + integration over HTTP).
import type { Config } from 'jest';

const config: Config = {
  projects: ['<rootDir>/libs/shared/jest.config.ts', '<rootDir>/libs/editor-schema/jest.config.ts', '<rootDir>/libs/consensus/jest.config.ts', '<rootDir>/libs/plan/jest.config.ts', '<rootDir>/libs/assessment/jest.config.ts', '<rootDir>/libs/nhs-lens/jest.config.ts', '<rootDir>/apps/api/jest.config.ts', '<rootDir>/apps/web/jest.config.ts'],
  // Integration tests start real servers; a single test still fails well inside CI's budget.
  testTimeout: 60_000,
};
export default config;
