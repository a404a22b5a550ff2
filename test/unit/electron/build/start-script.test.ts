import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Where the Electron binary can be had, `npm start` would open the app: this test is for machines where it
// cannot (the project's build machines), and says so when skipped.
const probe = spawnSync(process.execPath, ['-e', "require('electron')"], { encoding: 'utf8', timeout: 60_000 });
const electronAvailable = probe.status === 0;
if (electronAvailable) console.warn('start-script test skipped: the Electron binary is available here, so npm start would launch the app.');

describe.skipIf(electronAvailable)('scripts/start.mjs without an Electron binary', { timeout: 60_000 }, () => {
  it('exits 1 with a plain message that points to the CLI and the Chromium harness', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not be obtained');
    expect(run.stderr).toContain('npx relay-doctor analyze');
    expect(run.stderr).toContain('npm run test:e2e');
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  });

  it('speaks Czech on a Czech system', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', env: { ...process.env, LANG: 'cs_CZ.UTF-8', LC_ALL: '' }, timeout: 60_000 });
    expect(run.stderr).toContain('nepodařilo získat');
  });
});
