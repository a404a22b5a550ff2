import { defineConfig } from '@playwright/test';
import type { AppMode } from './test/e2e/fixtures';

// Debian's Chromium (toolchain.md: Playwright's own browser download does not work here).
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default defineConfig<object, { mode: AppMode }>({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/artifacts',
  // Generous limits: the journeys read real files on two shared cores, and a CI run that is slow must not be
  // red for it (a stop's whole work is lost when it is). Assertions, not time, decide a test.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // The build machines have two cores shared by several jobs.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium-harness',
      use: {
        mode: 'harness' satisfies AppMode,
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
    {
      // The same specs against the real app, wherever the Electron binary exists (skipped, saying why, here).
      name: 'electron',
      use: { mode: 'electron' satisfies AppMode },
    },
  ],
});
