#!/usr/bin/env node
// Mutation fuzzer for every reader in shared/engine/readers.ts (issue 12). Each case is a real input (from
// test/fixtures and, when present, ../shared/corpus) mutated by bit flips, truncation, splicing, inflated length
// fields, repeated blocks, inserted bytes and format tokens, or an input generated from nothing. The invariant:
// reader.read() — called directly, not through readInputs, which would hide a throw as input.damaged — resolves
// to a value or an input.* error within --bound-ms (+2.5 s per MiB of input), never throws, never hangs (no
// answer within --hang-ms), never runs out of memory (--heap-mb per worker, --rss-mb for the process).
//
//   npm run fuzz -- [--seed 1] [--runs 100000] [--readers x509.der,zip] [--jobs 2] [--bound-ms 2000]
//   npm run fuzz -- --replay test/fuzz/crashers/<reader>-<hash>.bin …
//
// Cases are a pure function of (seed, reader, index), so a run is reproducible and a hung case is rebuilt after
// its worker is killed. Failing inputs are saved as test/fuzz/crashers/<reader>-<hash>.bin with a .txt beside
// (kept out of git); once fixed, a small one moves to test/fuzz/fixed/, which `npm test` replays.
// TypeScript is bundled once with rolldown (as bench/ does) into node_modules/.cache, so no build is needed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = `${ROOT}node_modules/.cache/relay-doctor-fuzz/harness.mjs`;
const CRASHERS = `${ROOT}test/fuzz/crashers/`;

async function load(bundle) {
  return import(pathToFileURL(bundle).href);
}

/** Worker: runs cases [from, to) of one reader, publishing the case in flight in shared memory. */
async function work() {
  const { bundle, readerId, seeds, seed, from, to, boundMs, heartbeat } = workerData;
  const h = await load(bundle);
  const reader = h.READERS.find((r) => r.id === readerId);
  const beat = new Float64Array(heartbeat);
  for (let i = from; i < to; i++) {
    beat[0] = i;
    beat[1] = Date.now();
    const c = h.makeCase(readerId, seeds, seed, i);
    let failure = await h.checkCase(reader, c, boundMs);
    // The machine is shared: a slow case counts only if it is slow twice.
    if (failure?.kind === 'slow') failure = await h.checkCase(reader, c, boundMs);
    if (failure) parentPort.postMessage({ type: 'fail', index: i, failure, name: c.name, recipe: c.recipe, bytes: c.bytes });
    if ((i + 1) % 500 === 0 || i + 1 === to) parentPort.postMessage({ type: 'progress', done: i + 1 });
  }
  beat[1] = 0;
  parentPort.postMessage({ type: 'done', seeds: seeds.length });
}

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
}

function saveCrasher(readerId, bytes, text) {
  mkdirSync(CRASHERS, { recursive: true });
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const file = `${CRASHERS}${readerId}-${hash}.bin`;
  writeFileSync(file, bytes);
  writeFileSync(file.replace(/\.bin$/, '.txt'), `${text}\n`);
  return file;
}

async function bundleHarness() {
  const { build } = await import('rolldown');
  mkdirSync(`${ROOT}node_modules/.cache/relay-doctor-fuzz`, { recursive: true });
  await build({ input: `${ROOT}test/fuzz/harness.ts`, platform: 'node', logLevel: 'silent', output: { file: BUNDLE, format: 'esm' } });
  return load(BUNDLE);
}

/** Runs one reader's cases, restarting the worker after a hang or an out-of-memory death. */
function fuzzReader(h, readerId, opts, report) {
  const seeds = opts.seeds.get(readerId) ?? [];
  const stats = { reader: readerId, seeds: seeds.length, cases: 0, failures: [], started: performance.now(), ms: 0 };
  return new Promise((resolve) => {
    const start = (from) => {
      if (from >= opts.runs) {
        stats.ms = performance.now() - stats.started;
        resolve(stats);
        return;
      }
      const heartbeat = new SharedArrayBuffer(16);
      const beat = new Float64Array(heartbeat);
      beat[0] = from;
      const worker = new Worker(new URL(import.meta.url), {
        // The seeds go along rather than being collected again: fixtures appear while others work, and the
        // main thread must rebuild exactly the case a worker died on.
        workerData: { bundle: BUNDLE, readerId, seeds, seed: opts.seed, from, to: opts.runs, boundMs: opts.boundMs, heartbeat },
        resourceLimits: { maxOldGenerationSizeMb: opts.heapMb },
      });
      let ended = false;
      const lost = (kind, detail) => {
        if (ended) return;
        ended = true;
        clearInterval(watch);
        const index = beat[0];
        const c = h.makeCase(readerId, seeds, opts.seed, index);
        const file = saveCrasher(readerId, c.bytes, `reader ${readerId}\nseed ${opts.seed} case ${index}\n${kind}: ${detail}\nname ${c.name}\nrecipe ${c.recipe}`);
        stats.failures.push({ index, kind, detail, file });
        report(`  ${readerId} case ${index}: ${kind} (${detail}) → ${file}`);
        void worker.terminate();
        stats.cases = index + 1;
        start(index + 1);
      };
      const watch = setInterval(() => {
        if (beat[1] > 0 && Date.now() - beat[1] > opts.hangMs) lost('hang', `no answer after ${opts.hangMs} ms`);
        else if (process.memoryUsage.rss() > opts.rssMb * 1024 * 1024) lost('memory', `process RSS over ${opts.rssMb} MB`);
      }, 200);
      worker.on('message', (m) => {
        if (m.type === 'progress') stats.cases = m.done;
        else if (m.type === 'fail') {
          const file = saveCrasher(readerId, m.bytes, `reader ${readerId}\nseed ${opts.seed} case ${m.index}\n${m.failure.kind}: ${m.failure.detail}\nname ${m.name}\nrecipe ${m.recipe}`);
          stats.failures.push({ index: m.index, kind: m.failure.kind, detail: m.failure.detail.split('\n')[0], file });
          report(`  ${readerId} case ${m.index}: ${m.failure.kind} (${m.failure.detail.split('\n')[0]}) → ${file}`);
        } else if (m.type === 'done') {
          ended = true;
          clearInterval(watch);
          stats.cases = opts.runs;
          stats.ms = performance.now() - stats.started;
          void worker.terminate();
          resolve(stats);
        }
      });
      worker.on('error', (e) => lost(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', e.message));
      worker.on('exit', (code) => {
        if (!ended) lost('crash', `worker exited with ${code}`);
      });
    };
    start(0);
  });
}

async function replay(h, files, boundMs) {
  let bad = 0;
  for (const file of files) {
    const readerId = basename(file).replace(/-[0-9a-f]{12}\.bin$/, '');
    const reader = h.READERS.find((r) => r.id === readerId);
    if (!reader) {
      console.log(`${file}: no reader named ${readerId}`);
      bad++;
      continue;
    }
    const bytes = new Uint8Array(readFileSync(file));
    const f = await h.checkCase(reader, { name: basename(file), bytes, recipe: 'replay' }, boundMs);
    console.log(`${file}: ${f ? `${f.kind} — ${f.detail}` : 'ok'}`);
    if (f) bad++;
  }
  return bad;
}

async function main() {
  const opts = {
    seed: Number(arg('seed', '1')),
    runs: Number(arg('runs', '100000')),
    jobs: Math.max(1, Number(arg('jobs', '2'))),
    boundMs: Number(arg('bound-ms', '2000')),
    hangMs: Number(arg('hang-ms', '60000')),
    heapMb: Number(arg('heap-mb', '1024')),
    rssMb: Number(arg('rss-mb', '6144')),
  };
  const t0 = performance.now();
  const h = await bundleHarness();
  if (process.argv.includes('--replay')) {
    const files = process.argv.slice(process.argv.indexOf('--replay') + 1).filter((a) => !a.startsWith('--'));
    process.exit((await replay(h, files, opts.boundMs)) ? 1 : 0);
  }
  const only = arg('readers', '');
  // --readers also sets the order: put the slowest first so the lanes finish together.
  const known = h.READERS.map((r) => r.id);
  const ids = only ? only.split(',').filter((id) => known.includes(id)) : known;
  opts.seeds = h.collectSeeds(h.READERS, ROOT);
  console.log(`fuzz: seed ${opts.seed}, ${opts.runs} cases per reader, ${ids.length} readers, ${opts.jobs} at a time, bound ${opts.boundMs} ms per case`);
  const queue = [...ids];
  const results = [];
  const lane = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const s = await fuzzReader(h, id, opts, (line) => console.log(line));
      results.push(s);
      console.log(`${id.padEnd(26)} ${String(s.cases).padStart(8)} cases ${String(s.seeds).padStart(4)} seeds ${(s.cases / (s.ms / 1000)).toFixed(0).padStart(7)} cases/s ${String(s.failures.length).padStart(4)} failures`);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, lane));
  const failures = results.reduce((n, s) => n + s.failures.length, 0);
  console.log(`\n| reader | cases | seeds | cases/s | failures |\n|---|---:|---:|---:|---:|`);
  for (const s of results.sort((a, b) => ids.indexOf(a.reader) - ids.indexOf(b.reader))) {
    console.log(`| ${s.reader} | ${s.cases} | ${s.seeds} | ${(s.cases / (s.ms / 1000)).toFixed(0)} | ${s.failures.length} |`);
  }
  console.log(`\n${failures} failing case(s) in ${((performance.now() - t0) / 1000).toFixed(0)} s${failures ? ` — saved under ${CRASHERS}` : ''}`);
  process.exit(failures ? 1 : 0);
}

if (isMainThread) await main();
else await work();
