#!/usr/bin/env node
// Reads every record of an .evtx with Relay Doctor's parser (the bundle evtx.bench.mjs builds), streaming
// the file from disk chunk by chunk so a 1 GB log never sits in memory. With --threads N, N worker threads
// each take every N-th chunk (chunks are self-contained, so this needs no coordination).
// Usage: node bench/evtx-run.mjs <file.evtx> [--threads N] [--bundle path]   → prints JSON on stdout.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHUNK = 0x10000;
const BATCH = 16; // chunks per read(2)

async function load(bundle) {
  return import(pathToFileURL(bundle).href);
}

/** Parses chunks k, k+step, k+2·step … of the file; returns counts only (records are built, then dropped). */
async function parseStride(file, bundle, k, step) {
  const lib = await load(bundle);
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  const head = Buffer.alloc(4096);
  readSync(fd, head, 0, 4096, 0);
  const header = lib.readFileHeader(new Uint8Array(head.buffer, head.byteOffset, head.length));
  if (!header) throw new Error('not an .evtx file');
  const first = lib.firstChunkOffset(header, size);
  const total = Math.floor((size - first) / CHUNK);
  const buf = Buffer.alloc(CHUNK * BATCH);
  let records = 0;
  let damaged = 0;
  let systemChars = 0;
  // With a stride, each read fetches one chunk; alone, BATCH consecutive chunks at a time.
  const span = step === 1 ? BATCH : 1;
  for (let index = k; index < total; index += step * span) {
    const n = Math.min(span, Math.ceil((total - index) / step));
    const got = readSync(fd, buf, 0, n * CHUNK, first + index * CHUNK);
    for (let j = 0; j * CHUNK < got; j++) {
      const chunk = new Uint8Array(buf.buffer, buf.byteOffset + j * CHUNK, CHUNK);
      const r = lib.readEvtxChunk(chunk, index + j, header.chunkCount, { maxDepth: 64 });
      records += r.records.length;
      damaged += r.damaged;
      // Touch a field of every record so no engine can skip building them.
      for (const rec of r.records) systemChars += rec.computer.length;
    }
  }
  closeSync(fd);
  return { records, damaged, systemChars };
}

if (isMainThread) {
  const args = process.argv.slice(2);
  const file = args[0];
  const threads = Number(args[args.indexOf('--threads') + 1] ?? 1) || 1;
  const bundle = args.includes('--bundle') ? args[args.indexOf('--bundle') + 1] : fileURLToPath(new URL('workloads/eventlog.bundle.mjs', import.meta.url));
  const t0 = performance.now();
  let result;
  if (threads <= 1) result = await parseStride(file, bundle, 0, 1);
  else {
    const parts = await Promise.all(
      Array.from({ length: threads }, (_, k) => new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { file, bundle, k, step: threads } });
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    result = parts.reduce((a, b) => ({ records: a.records + b.records, damaged: a.damaged + b.damaged, systemChars: a.systemChars + b.systemChars }));
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ ...result, seconds, threads })}\n`);
} else {
  const { file, bundle, k, step } = workerData;
  parentPort.postMessage(await parseStride(file, bundle, k, step));
}
