/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Each file starts the whole platform as processes on a shared 2-core machine.
  testTimeout: 300000,
};
