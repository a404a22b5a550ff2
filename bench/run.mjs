#!/usr/bin/env node
// `npm run bench` (issue 12 item 6): every workload, our figure beside the reference tool's from the same run.
//
//   node bench/run.mjs [--large] [--only evtx,smtp,app,latency,x509,io] [--chains 1000]
//
// Each area has its own benchmark, written by the engineer who knows its reference tool; this runs them one
// after another and puts their tables into one dated file, bench/results/<YYYY-MM-DD>.md:
//   .evtx         bench/evtx.bench.mjs   ours (1 and 2 threads) vs evtxexport, evtx_dump.py (python-evtx), cat
//   log grep      bench/smtp.bench.mjs   our Exchange protocol-log reader vs rg (ripgrep), cat
//   app           bench/app.bench.mjs    the app in Chromium given smtp's log folder vs the CLI, rg, cat
//   latency       bench/app-latency.mjs  the app's first screen and a dropped .cer to findings, timed in the page
//   certificates  bench/x509.bench.mjs   our chain verification of N chain files vs `openssl verify`, N files
//   I/O limit     here                   cat of every workload file, and Node reading it in 8 MiB pieces
// Workloads are synthesised from real chunks and lines into bench/workloads/ (gitignored): 100 MB, or 1 GB
// with --large. The per-area scripts also write bench/results/<area>.md; those files belong to their areas and
// are put back as they were, so `npm run bench` leaves only the dated file behind.
// The machine is shared (2 cores, 8 engineers): the tables give CPU seconds beside wall time. Report them;
// never assert on them.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
const RESULTS = `${ROOT}bench/results/`;
const has = (flag) => process.argv.includes(`--${flag}`);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const large = has('large');
const mb = large ? 1024 : 100;
const only = arg('only', 'evtx,smtp,app,latency,x509,io').split(',');
const chains = arg('chains', '1000');

const AREAS = [
  { id: 'evtx', title: `.evtx parsing, ${mb} MB`, script: 'evtx.bench.mjs', args: ['--sizes', String(mb), '--python-mb', '1'], result: 'evtx.md' },
  { id: 'smtp', title: `Exchange protocol log vs ripgrep, ${mb} MB`, script: 'smtp.bench.mjs', args: ['--mb', String(mb)], result: 'smtp.md' },
  // After smtp: it reads the folder of 10 MB logs smtp.bench.mjs writes.
  { id: 'app', title: `evidence folder in the app (Chromium) vs the CLI and ripgrep, ${mb} MB`, script: 'app.bench.mjs', args: ['--mb', String(mb)], result: 'app.md' },
  { id: 'latency', title: "the app's first screen and one .cer dropped to its findings (Chromium harness) vs the CLI", script: 'app-latency.mjs', args: ['--runs', '5', '--settle', '1500'], result: 'app-latency.md' },
  { id: 'x509', title: `certificate chain verification vs openssl verify, ${chains} chain files`, script: 'x509.bench.mjs', args: ['--files', chains, '--openssl-files', chains], result: 'x509.md' },
];

function tool(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

const sections = [];
const started = new Date();
const load0 = loadavg()[0];
for (const area of AREAS.filter((a) => only.includes(a.id))) {
  const script = `${ROOT}bench/${area.script}`;
  if (!existsSync(script)) {
    sections.push(`## ${area.title}\n\nNot run: ${area.script} is missing.\n`);
    continue;
  }
  const resultFile = RESULTS + area.result;
  const before = existsSync(resultFile) ? readFileSync(resultFile) : null;
  console.log(`\n=== ${area.title}: node bench/${area.script} ${area.args.join(' ')}`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [script, ...area.args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  const table = existsSync(resultFile) ? readFileSync(resultFile, 'utf8') : '';
  // The area's own result file goes back to what its owner committed; the dated file keeps this run.
  if (before) writeFileSync(resultFile, before);
  sections.push(
    `## ${area.title}\n\n\`node bench/${area.script} ${area.args.join(' ')}\` — exit ${run.status}, ${seconds} s\n\n` +
      table.replace(/^# .*\n/, '').trim() +
      '\n',
  );
}

// The I/O limit: how fast this machine can read the workload files at all, by cat and by Node itself.
if (only.includes('io')) {
  const files = readdirSync(WORK)
    .filter((f) => /\.(evtx|log)$/.test(f) && (f.includes(`-${mb}MB`) || f.includes(`${mb}MB`)))
    .map((f) => WORK + f);
  const rows = [];
  for (const file of files) {
    const size = statSync(file).size / 1048576;
    const t0 = performance.now();
    spawnSync('sh', ['-c', `cat '${file}' > /dev/null`]);
    const cat = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const fd = openSync(file, 'r');
    const buf = Buffer.allocUnsafe(8 << 20);
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
    const node = (performance.now() - t1) / 1000;
    rows.push(`| ${file.slice(WORK.length)} | ${size.toFixed(0)} | ${cat.toFixed(2)} | ${(size / cat).toFixed(0)} | ${node.toFixed(2)} | ${(size / node).toFixed(0)} |`);
    console.log(`io  ${file.slice(WORK.length).padEnd(32)} cat ${(size / cat).toFixed(0)} MB/s, node 8 MiB reads ${(size / node).toFixed(0)} MB/s`);
  }
  sections.push(
    `## I/O limit (page cache warm after the runs above)\n\n| file | MB | cat s | cat MB/s | node read s | node MB/s |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}\n`,
  );
}

const day = started.toISOString().slice(0, 10);
const header = [
  `# Benchmarks, ${started.toISOString()}`,
  '',
  `\`node bench/run.mjs${large ? ' --large' : ''}\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (shared machine: compare CPU seconds as well as wall time).`,
  `Reference tools present: evtxexport ${tool('evtxexport') ? 'yes' : 'no'}, evtx_dump.py ${tool('evtx_dump.py') ? 'yes' : 'no'}, rg ${tool('rg') ? 'yes' : 'no'}, openssl ${tool('openssl') ? 'yes' : 'no'}.`,
  '',
];
mkdirSync(RESULTS, { recursive: true });
const out = `${RESULTS}${day}.md`;
writeFileSync(out, `${header.join('\n')}\n${sections.join('\n')}`);
console.log(`\nwrote ${out.slice(ROOT.length)}`);
