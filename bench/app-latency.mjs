#!/usr/bin/env node
// The app's latency (issue 23 item 3): launch → first interactive screen, and one .cer dropped → its analysis on
// screen → the verdict on the Findings step, in the Chromium harness with main's real handlers (the e2e suite's
// set-up), timed inside the page. Runs alternate between the builds measured, so both see the same load.
// References from the same run: a bare page from the same server (the browser's own floor for a page load) and
// `relay-doctor analyze --json` on the same .cer (a whole process, node's start included).
//
//   node bench/app-latency.mjs [--runs 9] [--before <git ref>] [--settle 1500] [--settle 0]
//
// --before builds that commit's renderer in a temporary directory (git archive, this checkout's node_modules) and
// measures it beside this tree's build. --settle is how long the Evidence step waits before the drop (a user
// choosing a symptom and going on twice takes longer); give it twice to measure both. The spec it runs is
// bench/app-latency.spec.ts (Playwright, for the harness's fixtures). Results go to bench/results/app-latency.md.
import { execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const settles = args.flatMap((a, i) => (a === '--settle' ? [Number(args[i + 1])] : []));
const runs = Number(arg('runs', '9'));
const before = arg('before', '');
const temp = mkdtempSync(join(tmpdir(), 'rd-latency-'));
const loadAtStart = loadavg();

const build = (cwd) => {
  // Builds share two cores with other jobs: one at a time (DEVELOPERS.md).
  const done = spawnSync('flock', ['/tmp/relay-build.lock', 'npm', 'run', 'build', '--silent'], { cwd, stdio: 'inherit' });
  if (done.status !== 0) process.exit(2);
};

const builds = [];
if (before) {
  const dir = join(temp, 'before');
  execSync(`mkdir -p '${dir}' && git -C '${ROOT}' archive '${before}' | tar -x -C '${dir}'`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  build(dir);
  builds.push({ name: `before (${execSync(`git -C '${ROOT}' rev-parse --short '${before}'`, { encoding: 'utf8' }).trim()})`, dir: join(dir, 'out', 'renderer') });
}
build(ROOT);
cpSync(join(ROOT, 'out', 'renderer'), join(temp, 'after'), { recursive: true });
const head = execSync(`git -C '${ROOT}' rev-parse --short HEAD`, { encoding: 'utf8' }).trim();
const dirty = execSync(`git -C '${ROOT}' status --porcelain --untracked-files=no`, { encoding: 'utf8' }).trim() ? ' + changes' : '';
builds.push({ name: `this tree (${head}${dirty})`, dir: join(temp, 'after') });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cell = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const sections = [];
for (const settle of settles.length > 0 ? settles : [1500]) {
  const out = join(temp, `latency-${settle}.json`);
  const env = {
    ...process.env,
    LATENCY_BUILDS: builds.map((b) => `${b.name.replace(/[=,]/g, ' ')}=${b.dir}`).join(','),
    LATENCY_RUNS: String(runs),
    LATENCY_SETTLE_MS: String(settle),
    LATENCY_OUT: out,
  };
  const ran = spawnSync('npx', ['playwright', 'test', '-c', 'bench/app-latency.config.ts'], { cwd: ROOT, env, stdio: 'inherit' });
  if (ran.status !== 0 || !existsSync(out)) process.exit(2);
  const { samples, barePaint, cli } = JSON.parse(readFileSync(out, 'utf8'));
  const rows = [...new Set(samples.map((s) => s.build))].map((name) => {
    const mine = samples.filter((s) => s.build === name);
    const pick = (k) => mine.map((s) => s[k]);
    const total = mine.map((s) => s.dropToAnalysed + s.nextToVerdict);
    return `| ${name} | ${cell(pick('interactiveMark'))} | ${cell(pick('firstScreen'))} | ${cell(pick('dropToAnalysed'))} | ${cell(pick('nextToVerdict'))} | ${cell(total)} |`;
  });
  sections.push(
    `### Drop ${settle} ms after the Evidence step is on screen`,
    '',
    '| build | app mounted (mark) | first screen painted | drop → "Read" painted | Next → verdict painted | drop → findings (the two) |',
    '|---|---|---|---|---|---|',
    ...rows,
    `| reference: a bare page from the same server, first contentful paint | | ${cell(barePaint)} | | | |`,
    `| reference: \`relay-doctor analyze --json leaf-only.cer\` (whole process) | | | | | ${cell(cli)} |`,
    '',
  );
}
rmSync(temp, { recursive: true, force: true });

const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' / ');
const lines = [
  '# The app\'s latency in the Chromium harness: first screen, and one .cer dropped to its findings',
  '',
  `Machine: 2 cores shared with other jobs (load ${fmtLoad(loadAtStart)} at the start, ${fmtLoad(loadavg())} at the end), node ${process.version}, ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${new Date().toISOString()}.`,
  `Milliseconds, median (min–max) of ${runs} runs per build, builds alternating run by run. Times from navigation start`,
  '(mark, first screen) or from the event in the page (drop, click) to the first animation frame after the DOM shows',
  'the result; the harness binds window.diag to main\'s real handlers (trust store included), as in the e2e suite.',
  '',
  ...sections,
];
const OUT = `${ROOT}bench/results/app-latency.md`;
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const history = previous.includes('<!-- history -->') ? previous.slice(previous.indexOf('<!-- history -->')) : '';
writeFileSync(OUT, lines.join('\n') + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
