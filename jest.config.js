/** Jest projects: shared (node + jsdom), server, miniapp (jsdom), e2e (HTTP + sandbox + Chromium). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@liucai/shared$': '<rootDir>/shared/src/index.ts' },
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports = {
  testTimeout: 30000,
  // Two workers on this 2-core machine: most suites wait on MariaDB, Redis, the sandbox or Chromium, so a second
  // worker fills that waiting (the full suite: 749 s of jest on two workers against 1,378 s on one, this machine).
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'shared', testEnvironment: 'node', testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...common, displayName: 'shared-jsdom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/migrations/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    { ...common, displayName: 'miniapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/miniapp/src/**/*.test.ts?(x)'] },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
  ],
};
