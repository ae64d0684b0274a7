/**
 * `npm test`: every suite that needs no browser — unit specs beside the code,
 * API integration specs on a real PostgreSQL, and process-level end-to-end tests.
 * The web's unit specs run in Vitest first (`npm test -w @bravo/web`), SvelteKit's convention.
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/api/tsconfig.json', diagnostics: false }];
const moduleNameMapper = {
  '^@bravo/shared$': '<rootDir>/shared/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
// A few dependencies ship ESM only; Jest on Node 20 cannot require them untransformed.
const esmOnly = ['content-disposition'];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': tsJest,
    [`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper,
};
// One PostgreSQL for the run, for the projects that need one only: Jest runs a project's
// global setup only when a test of that project is selected, and a path shared by several
// projects once. Unit specs run with no database at all.
const withDatabase = {
  ...common,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  // Real PostgreSQL and real HTTP: allow for a loaded CI machine.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/api/src/**/*.spec.ts', '<rootDir>/shared/src/**/*.spec.ts'],
    },
    {
      ...withDatabase,
      displayName: 'integration',
      testMatch: ['<rootDir>/api/test/**/*.int-spec.ts'],
    },
    { ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
