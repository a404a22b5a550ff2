#!/usr/bin/env node
// The app's reading path at scale (issue 5 item 6): the built renderer in Chromium, as the e2e harness runs it
// but without main (a plain page: nothing of main takes part in reading evidence), given the synthetic SmtpSend
// folder of 10 MB logs (made by bench/smtp.bench.mjs) through "Add a folder…". Measured: wall time from the pick
// to the finished analysis, and the peak of all Chromium processes' resident memory summed (the analysis worker
// and its reader workers live in the renderer process). Beside it in the same run: `cat`, `rg '5\.7\.64'` and
// `relay-doctor analyze --json` over the same folder.
//
//   node bench/app.bench.mjs [--mb 1024]     (run bench/smtp.bench.mjs --mb <same> first; needs /usr/bin/chromium)
//
// Results go to bench/results/app.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const mb = Number(arg('mb', '1024'));
const folder = `${WORK}SmtpSend-${mb}MB`;
if (!existsSync(`${folder}.done`)) {
  console.error(`No ${folder}: run node bench/smtp.bench.mjs --mb ${mb} first (it writes the workload).`);
  process.exit(2);
}
const files = readdirSync(folder).filter((f) => f.endsWith('.LOG'));
const bytes = files.reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);

spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const { serveStatic } = await createJiti(import.meta.url).import(`${ROOT}test/e2e/harness/static-server.ts`);

/**
 * Memory of every Chromium process now, in MB (this bench runs no other Chromium): proportional set size, which
 * shares pages used by several processes between them instead of counting them in each (RSS summed would).
 */
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
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumMemoryMb())), 50);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    const t0 = performance.now();
    await (await chooser).setFiles(folder);
    await page.locator('progress').first().waitFor({ state: 'attached', timeout: 60_000 });
    // A CSS query polled now and then: role queries walk the accessibility of every row (thousands) on each poll.
    await page.waitForFunction(() => !globalThis.document.querySelector('progress'), null, { timeout: 600_000, polling: 250 });
    const wall = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const read = await page.getByText('Read', { exact: true }).count();
    // The finding's text (with its count) is on the Findings step.
    await page.getByRole('button', { name: 'Next' }).first().click();
    const detail = (await page.getByText(/so it refused to relay \(/).first().textContent({ timeout: 10_000 })) ?? '';
    return { wall, peak, idle, stdout: `${read} files read; ${/\(([\d,]+ times)\)/.exec(detail)?.[1] ?? 'no 5.7.64 finding'}` };
  } finally {
    await browser.close();
    await server.close();
  }
}

function measure(command, summary) {
  const tfile = `${WORK}time.txt`;
  const t0 = performance.now();
  const out = spawnSync('sh', ['-c', `/usr/bin/time -o ${tfile} -f "%U %S %M" ${command}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const [user, sys, rssKb] = readFileSync(tfile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + sys, peak: rssKb / 1024, stdout: summary ? summary() : out.stdout.trim() };
}

const REPORT = `${WORK}report.json`;
const reportSummary = () => {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  return `${report.inputs.length} files read; ${report.findings.map((f) => `${f.id} ×${f.params.count ?? 1}`).join(', ')}`;
};
const logs = `${folder}/*.LOG`;
const profile = mkdtempSync(join(tmpdir(), 'relay-doctor-bench-'));
const rows = [
  ['cat', measure(`cat ${logs} > /dev/null`)],
  ["rg '5\\.7\\.64'", measure(`rg -c '5\\.7\\.64' ${logs} | awk -F: '{ n += $NF } END { print n }'`)],
  ['relay-doctor analyze --json (threads: one per core, at most 4)', measure(`node '${ROOT}bin/relay-doctor.js' analyze '${folder}' --json > '${REPORT}'`, reportSummary)],
  ['the app in Chromium: Add a folder… to analysis done (reader workers: one per core, at most 4)', await appRun()],
];
rmSync(profile, { recursive: true, force: true });
const rate = (s) => (bytes / 1048576 / Math.max(s, 1e-3)).toFixed(0);
const lines = [
  `# Evidence folder in the app: ${files.length} synthetic SmtpSend logs of 10 MB (${(bytes / 1048576).toFixed(0)} MB)`,
  '',
  `Machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, node ${process.version}, Chromium ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${new Date().toISOString()}.`,
  'Peak memory: resident set of the process for the command-line rows; for the app, the proportional set size of',
  `every Chromium process summed, ${rows[3][1].idle.toFixed(0)} MB on the Evidence step before the pick (the growth is the analysis's).`,
  '',
  '| tool | wall s | MB/s (wall) | peak memory MB | output |',
  '|---|---|---|---|---|',
  ...rows.map(([name, m]) => `| ${name} | ${m.wall.toFixed(2)} | ${rate(m.wall)} | ${m.peak.toFixed(0)}${m.idle !== undefined ? ` (+${(m.peak - m.idle).toFixed(0)})` : ''} | ${m.stdout.slice(0, 100)} |`),
];
mkdirSync(`${ROOT}bench/results`, { recursive: true });
const OUT = `${ROOT}bench/results/app.md`;
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const history = previous.includes('<!-- history -->') ? previous.slice(previous.indexOf('<!-- history -->')) : '';
writeFileSync(OUT, lines.join('\n') + '\n' + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
