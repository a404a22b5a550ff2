import { defineConfig } from '@playwright/test';

// The app's latency bench (bench/app-latency.mjs runs it): Playwright for the harness's fixtures and TypeScript
// loader, not a test suite. Never part of `npm test` or `npm run test:e2e` (its file is not an *.e2e.ts).
export default defineConfig({
  testDir: '.',
  testMatch: 'app-latency.spec.ts',
  outputDir: '../test-results/bench-latency',
  timeout: 900_000,
  workers: 1,
  reporter: [['list']],
});
