#!/usr/bin/env node
// Proof that .evtx parse output does not change (issue 23): for every .evtx under test/fixtures and
// ../shared/corpus, a SHA-256 of everything the engine keeps from it (outcome, warnings, every kept record with
// its System map and data tree) read four ways: loaded whole, streamed in 64 KB pieces, and through the thread
// scheduler with two and three in-process "threads" (every file split into shares, joined as the whole read
// gives it); before those, every record the parser reads (kept or not); after them the CLI's JSON report
// (findings, input counts) with its timestamps left out. Columns: all, loaded, streamed, 2 shares, 3 shares, CLI.
//
//   node bench/evtx-hash.mjs > before.txt   …change…   node bench/evtx-hash.mjs > after.txt && diff before.txt after.txt
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
mkdirSync(WORK, { recursive: true });
const ENTRY = `${WORK}evtx-hash-entry.ts`;
const BUNDLE = `${WORK}evtx-hash.bundle.mjs`;
writeFileSync(
  ENTRY,
  `export { readInputs } from '${ROOT}shared/engine/read-inputs';
export { parallelReadAll, serveRead } from '${ROOT}shared/engine/parallel-read';
export { deferredFile } from '${ROOT}electron/cli/file-input';
export { DEFAULT_LIMITS } from '${ROOT}shared/model/input';
export { readEvtxFile } from '${ROOT}shared/eventlog/evtx/read-evtx-file';
`,
);
const { build } = await import('rolldown');
await build({ input: ENTRY, platform: 'node', logLevel: 'silent', output: { file: BUNDLE, format: 'esm' } });
const lib = await import(pathToFileURL(BUNDLE).href);

function evtxFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.evtx'))
    .sort()
    .map((f) => `${dir}${f}`);
}
// EVTX_CORPUS: where the corpus is when this runs from a copy of the repository (a clean tree of HEAD, say).
const CORPUS = process.env.EVTX_CORPUS ?? `${ROOT}../shared/corpus/`;
const files = [...evtxFiles(`${ROOT}test/fixtures/`), ...evtxFiles(CORPUS), ...process.argv.slice(2)];
const sha = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Two "threads" that serve reads in this process, through the same serveRead the CLI's and the app's threads run. */
const inProcess = {
  accepts: (input) => typeof input.path === 'string',
  spawn: () => ({
    read: (input, options) => new Promise((resolve) => void lib.serveRead(1, input, options, (reply) => reply.type === 'done' && resolve(reply.read))),
    close: () => {},
  }),
};

// Streaming starts above 1 MB by default; 0 makes every fixture take the streamed path too.
const streamAll = { ...lib.DEFAULT_LIMITS, streamAboveBytes: 0 };
for (const path of files) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const size = statSync(path).size;
  const file = () => lib.deferredFile(path, name, size);
  const loaded = await lib.readInputs([{ name, bytes: new Uint8Array(await file().load()) }], { limits: lib.DEFAULT_LIMITS });
  const streamed = await lib.readInputs([file()], { limits: streamAll });
  // Where the scheduler splits large files into shares (issue 23), every file is split here: in 2 and in 3.
  const threads = await lib.parallelReadAll(inProcess, 2, 0)([file()], { limits: streamAll });
  const three = await lib.parallelReadAll(inProcess, 3, 0)([file()], { limits: streamAll });
  // Every record the parser reads, kept or not (the engine keeps only the providers it reads).
  const all = lib.readEvtxFile(new Uint8Array(await file().load()), { maxDepth: 64, maxRecords: lib.DEFAULT_LIMITS.maxRecords });
  const cli = spawnSync('node', [`${ROOT}bin/relay-doctor.js`, 'analyze', '--json', '--at', '2026-12-01T00:00:00Z', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const report = JSON.parse(cli.stdout);
  delete report.generatedAt;
  const items = loaded.outcomes.reduce((n, o) => n + o.items, 0);
  console.log(`${sha(all)} ${sha(loaded)} ${sha(streamed)} ${sha(threads)} ${sha(three)} ${sha(report)} ${String(items).padStart(7)} ${path.replace(ROOT, '').replace(CORPUS, 'corpus/')}`);
}
