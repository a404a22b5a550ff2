#!/usr/bin/env node
// The app's reading path at scale (issue 5 item 6): the built renderer in Chromium, as the e2e harness runs it
// but without main (a plain page: nothing of main takes part in reading evidence), given the synthetic SmtpSend
// folder of 10 MB logs (made by bench/smtp.bench.mjs) through "Add a folder…". Measured: wall time from the pick
// to the finished analysis, and the peak of all Chromium processes' resident memory summed (the analysis worker
// and its reader workers live in the renderer process). Beside it in the same run: `cat`, `rg '5\.7\.64'` and
// `relay-doctor analyze --json` over the same folder.
//
//   node bench/app.bench.mjs [--mb 1024]     (run bench/smtp.bench.mjs --mb <same> first; needs /usr/bin/chromium)
//   node bench/app.bench.mjs --small 3000    (the same log cut into 3,000 files of 50 KB: thousands of files)
//   node bench/app.bench.mjs --before <dir>   (also an older build's out/renderer, run for run alternating with
//                                             this one's: --runs of each, 2 by default; medians in the table)
//
// Results go to bench/results/app.md.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './measure-command.mjs';
import { createJiti } from 'jiti';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const mb = Number(arg('mb', '1024'));
const small = Number(arg('small', '0'));
const source = `${WORK}SEND-synthetic-${mb}MB.log`;
if (!existsSync(`${WORK}SmtpSend-${mb}MB.done`) || !existsSync(source)) {
  console.error(`No workload for ${mb} MB: run node bench/smtp.bench.mjs --mb ${mb} first (it writes it).`);
  process.exit(2);
}

/** The synthetic log's first `count` × 50 KB cut into files of 50 KB at line ends, each with the log's header. */
function smallFiles(count, into) {
  if (existsSync(`${into}.done`)) return;
  mkdirSync(into, { recursive: true });
  const fd = openSync(source, 'r');
  const data = Buffer.alloc(count * 51_200 + (1 << 20));
  const got = readSync(fd, data, 0, data.length, 0);
  closeSync(fd);
  const header = data.subarray(0, data.indexOf('\n2') + 1);
  let at = header.length;
  for (let n = 0; n < count; n++) {
    const end = data.indexOf(10, Math.min(got - 1, at + 51_200 - header.length)) + 1;
    if (end <= at) throw new Error(`the ${mb} MB log is too small for ${count} files of 50 KB`);
    writeFileSync(join(into, `SEND${String(n).padStart(5, '0')}.LOG`), Buffer.concat([header, data.subarray(at, end)]));
    at = end;
  }
  writeFileSync(`${into}.done`, '');
}
const folder = small > 0 ? `${WORK}SmtpSend-${small}x50KB` : `${WORK}SmtpSend-${mb}MB`;
if (small > 0) smallFiles(small, folder);
const files = readdirSync(folder).filter((f) => f.endsWith('.LOG'));
const bytes = files.reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);

// Builds share the machine's two cores with other jobs: one at a time.
spawnSync('flock', ['/tmp/relay-build.lock', 'npm', 'run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const { serveStatic } = await createJiti(import.meta.url).import(`${ROOT}test/e2e/harness/static-server.ts`);

/**
 * This bench's own Chromium processes (its browser and the browser's descendants), as [pid, /proc stat line]:
 * other jobs on a shared machine run Chromium too (e2e suites, other benches), and theirs must not count.
 */
function ownChromium() {
  const parent = new Map();
  const chromium = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (/^\d+ \(chrom/.test(stat)) chromium.push([pid, stat]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const ours = (pid) => {
    for (let p = pid; p && p !== '0'; p = parent.get(p)) if (p === String(process.pid)) return true;
    return false;
  };
  return chromium.filter(([pid]) => ours(pid));
}

/**
 * Memory of this bench's Chromium processes now, in MB: proportional set size, which shares pages used by
 * several processes between them instead of counting them in each (RSS summed would).
 */
function chromiumMemoryMb() {
  let kb = 0;
  for (const [pid] of ownChromium()) {
    try {
      kb += Number(/^Pss:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kb / 1024;
}

/** CPU seconds (user + system) of this bench's Chromium processes so far: on a shared machine, wall time alone misleads. */
function chromiumCpuSeconds() {
  let ticks = 0;
  for (const [, stat] of ownChromium()) {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

async function appRun(renderer) {
  const server = await serveStatic(renderer);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('radio', { name: /A line in a send or protocol log/ }).check();
    // The symptom step leads straight to Evidence (test/e2e/helpers.ts toEvidenceStep).
    await page.getByRole('button', { name: 'Next' }).click();
    const idle = chromiumMemoryMb();
    let peak = idle;
    // Reading every process's smaps_rollup costs CPU on this 2-core machine: a few samples a second.
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumMemoryMb())), 250);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    const t0 = performance.now();
    const cpu0 = chromiumCpuSeconds();
    await (await chooser).setFiles(folder);
    await page.locator('progress').first().waitFor({ state: 'attached', timeout: 60_000 });
    // A CSS query polled now and then: role queries walk the accessibility of every row (thousands) on each poll.
    await page.waitForFunction(() => !globalThis.document.querySelector('progress'), null, { timeout: 600_000, polling: 250 });
    const wall = (performance.now() - t0) / 1000;
    const cpu = chromiumCpuSeconds() - cpu0;
    clearInterval(sampler);
    // The list shows 200 rows of a large folder; its caption counts them all.
    const read = (await page.locator('table caption').first().textContent())?.trim() ?? '';
    // The finding's text (with its count) is on the Findings step, after the questions the evidence left open
    // (as test/e2e/helpers.ts nextUntil walks there: by what the step shows, not by how many steps lie between).
    const finding = page.getByText(/so it refused to relay \(/).first();
    const shown = () => finding.waitFor({ state: 'attached', timeout: 3_000 }).then(() => true, () => false);
    for (let i = 0; i < 6 && !(await shown()); i++) await page.getByRole('button', { name: 'Next', exact: true }).first().click();
    const detail = (await finding.textContent({ timeout: 10_000 })) ?? '';
    return { wall, cpu, peak, idle, stdout: `${read}; ${/\(([\d,]+ times)\)/.exec(detail)?.[1] ?? 'no 5.7.64 finding'}` };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A command line's figures, its peak resident memory as `peak` (the app row's column). */
const measure = (command, summary) => {
  const m = measureCommand(command, `${WORK}time.txt`, summary);
  return { ...m, peak: m.rssMb };
};

const REPORT = `${WORK}report.json`;
const reportSummary = () => {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  return `${report.inputs.length} files read; ${report.findings.map((f) => `${f.id} ×${f.params.count ?? 1}`).join(', ')}`;
};
const logs = `${folder}/*.LOG`;
const before = arg('before', '');
const runs = Number(arg('runs', before ? '2' : '1'));
/** Runs of the app, alternating between the builds; the run of median wall time (the lower one of an even count) stands for each. */
const appRows = async () => {
  const builds = [...(before ? [['an older build (--before)', before]] : []), ['this build', `${ROOT}out/renderer`]];
  const seen = builds.map(() => []);
  for (let run = 0; run < runs; run++) for (const [i, [, dir]] of builds.entries()) seen[i].push(await appRun(dir));
  return builds.map(([name], i) => {
    const sorted = [...seen[i]].sort((a, b) => a.wall - b.wall);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const walls = seen[i].map((m) => m.wall.toFixed(1)).join(', ');
    // CPU seconds vary less than wall time on a shared machine: every run's, and their median, are named too.
    const cpus = seen[i].map((m) => m.cpu.toFixed(1)).join(', ');
    const cpuMedian = [...seen[i]].map((m) => m.cpu).sort((a, b) => a - b)[Math.floor((seen[i].length - 1) / 2)];
    const each = runs > 1 ? `; runs ${walls} s, CPU ${cpus} s (median ${cpuMedian.toFixed(1)})` : '';
    return [`the app in Chromium, ${name}: Add a folder… to analysis done (reader workers: one per core, at most 4)${each}`, median];
  });
};
const rows = [
  ['cat', measure(`cat ${logs} > /dev/null`)],
  ["rg '5\\.7\\.64'", measure(`rg -c '5\\.7\\.64' ${logs} | awk -F: '{ n += $NF } END { print n }'`)],
  ['relay-doctor analyze --json (threads: one per core, at most 4)', measure(`node '${ROOT}bin/relay-doctor.js' analyze '${folder}' --json > '${REPORT}'`, reportSummary)],
  ...(await appRows()),
];
const rate = (s) => (bytes / 1048576 / Math.max(s, 1e-3)).toFixed(0);
const lines = [
  `# Evidence folder in the app: ${files.length} synthetic SmtpSend logs of ${small > 0 ? '50 KB' : '10 MB'} (${(bytes / 1048576).toFixed(0)} MB)`,
  '',
  `Machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, node ${process.version}, Chromium ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${new Date().toISOString()}.`,
  'Peak memory: resident set of the process for the command-line rows; for the app, the proportional set size of',
  `every Chromium process of the bench's browser summed, ${rows[3][1].idle.toFixed(0)} MB on the Evidence step before the pick (the growth is the analysis's).`,
  '',
  `Load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end. CPU s: user + system of the command, or of the bench's Chromium processes for the app.`,
  '',
  '| tool | wall s | CPU s | MB/s (wall) | peak memory MB | output |',
  '|---|---|---|---|---|---|',
  ...rows.map(([name, m]) => `| ${name} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(1)} | ${rate(m.wall)} | ${m.peak.toFixed(0)}${m.idle !== undefined ? ` (+${(m.peak - m.idle).toFixed(0)})` : ''} | ${m.stdout.slice(0, 100)} |`),
];
mkdirSync(`${ROOT}bench/results`, { recursive: true });
const OUT = `${ROOT}bench/results/${small > 0 ? 'app-small-files' : 'app'}.md`;
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const history = previous.includes('<!-- history -->') ? previous.slice(previous.indexOf('<!-- history -->')) : '';
writeFileSync(OUT, lines.join('\n') + '\n' + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
