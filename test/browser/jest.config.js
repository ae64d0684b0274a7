/** `npm run test:browser`: Playwright driving Debian's Chromium against the built app. */
module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/api/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^@bravo/shared$': '<rootDir>/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 120_000,
};
