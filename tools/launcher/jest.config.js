/** @type {import('jest').Config} */
module.exports = {
  displayName: 'launcher',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Integration tests start real processes (Postgres, services); give them room on a shared 2-core machine.
  testTimeout: 120000,
};
