#!/usr/bin/env node
// One large .evtx in the app (issue 23 item 1): the built renderer in Chromium, as bench/app.bench.mjs runs it (a
// plain page, nothing of main takes part in reading evidence), given one workload log through Browse…. Measured:
// wall time from the pick to the finished analysis, and the peak proportional set size of all Chromium processes
// summed (the analysis worker and its reader workers live in the renderer process). Beside it in the same run:
// `relay-doctor analyze --json` on the same file.
//
//   node bench/evtx-app.mjs [--mb 1024]     (run bench/evtx.bench.mjs with that size first: it writes the log)
//
// Results go to bench/results/evtx-app.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';
import { measureCommand } from './measure-command.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const mb = Number(arg('mb', '1024'));
const file = `${WORK}evtx-common-${mb}MB.evtx`;
if (!existsSync(file)) {
  console.error(`No workload for ${mb} MB: run node bench/evtx.bench.mjs --sizes ${mb} first (it writes it).`);
  process.exit(2);
}
const bytes = statSync(file).size;

if (spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(2);
if (spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(2);
const { serveStatic } = await createJiti(import.meta.url).import(`${ROOT}test/e2e/harness/static-server.ts`);

/** Proportional set size of every Chromium process now, in MB (this bench runs no other Chromium). */
function chromiumMemoryMb() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!/^Name:\s*chrom/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) continue;
      kb += Number(/^Pss:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kb / 1024;
}

async function appRun() {
  const server = await serveStatic(`${ROOT}out/renderer`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('radio', { name: /A line in a send or protocol log/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const idle = chromiumMemoryMb();
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumMemoryMb())), 250);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Browse…' }).click();
    const t0 = performance.now();
    await (await chooser).setFiles(file);
    await page.locator('progress').first().waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForFunction(() => !globalThis.document.querySelector('progress'), null, { timeout: 600_000, polling: 250 });
    const wall = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const row = (await page.locator('table tbody tr').first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    return { wall, peak, idle, stdout: row };
  } finally {
    await browser.close();
    await server.close();
  }
}

const cli = measureCommand(`node '${ROOT}bin/relay-doctor.js' analyze --json '${file}'`, `${WORK}time.txt`);
const records = JSON.parse(cli.stdout).inputs.reduce((n, i) => n + i.items, 0);
const app = await appRun();
const rate = (s) => (bytes / 1048576 / Math.max(s, 1e-3)).toFixed(0);
const lines = [
  `# One ${mb} MB .evtx in the app (Chromium) beside the CLI`,
  '',
  `Machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ')} at the end), node ${process.version}, Chromium ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${new Date().toISOString()}.`,
  'Peak memory: the CLI\'s resident set (/usr/bin/time); for the app, the proportional set size of every Chromium',
  `process summed, ${app.idle.toFixed(0)} MB on the Evidence step before the pick (the growth is the analysis's).`,
  '',
  '| tool | wall s | MB/s (wall) | peak memory MB | output |',
  '|---|---|---|---|---|',
  `| relay-doctor analyze --json (one share of the chunks per core) | ${cli.wall.toFixed(2)} | ${rate(cli.wall)} | ${cli.rssMb.toFixed(0)} | ${records} records |`,
  `| the app in Chromium: Browse… to analysis done (one reader worker per core, at most 4) | ${app.wall.toFixed(2)} | ${rate(app.wall)} | ${app.peak.toFixed(0)} (+${(app.peak - app.idle).toFixed(0)}) | ${app.stdout.slice(0, 100)} |`,
  '',
];
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/evtx-app.md`, lines.join('\n'));
console.log(lines.join('\n'));
