// Shared Jest pieces: one swc transform (CommonJS, decorators) and the tsconfig path aliases.
import type { Config } from 'jest';

export const swcTransform: Config['transform'] = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true, decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

export const aliases: Config['moduleNameMapper'] = {
  '^@concord/shared$': '<rootDir>/../../libs/shared/src/index.ts',
  '^@concord/plan$': '<rootDir>/../../libs/plan/src/index.ts',
  '^@concord/assessment$': '<rootDir>/../../libs/assessment/src/index.ts',
  '^@concord/consensus$': '<rootDir>/../../libs/consensus/src/index.ts',
  '^@concord/nhs-lens$': '<rootDir>/../../libs/nhs-lens/src/index.ts',
  '^@concord/editor-schema$': '<rootDir>/../../libs/editor-schema/src/index.ts',
};
