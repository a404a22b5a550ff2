#!/usr/bin/env node
// Proof that Exchange protocol-log parse output does not change (issue 23 item 2): for every .log under
// test/fixtures/smtp and test/scenarios, and every file given on the command line (the bench workloads), a
// SHA-256 of the JSON of parseExchangeLogText's result read three ways: plain from whole bytes, compact from
// whole bytes, compact streamed in 64 KB pieces (what the CLI and the bench do). Columns: plain, compact, streamed.
//
//   node bench/smtp-hash.mjs [more.log …] > before.txt   …change…   node bench/smtp-hash.mjs [more.log …] > after.txt
//   diff before.txt after.txt
// SMTP_ROOT: the tree whose shared/smtp is bundled (a clean copy of HEAD, say); defaults to this one.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = process.env.SMTP_ROOT ? `${process.env.SMTP_ROOT.replace(/\/$/, '')}/` : ROOT;
const WORK = `${ROOT}bench/workloads/`;
mkdirSync(WORK, { recursive: true });
const BUNDLE = `${WORK}smtp-hash.${createHash('sha256').update(SOURCE).digest('hex').slice(0, 8)}.bundle.mjs`;
const { build } = await import('rolldown');
await build({ input: `${SOURCE}shared/smtp/exchange/parse.ts`, platform: 'node', logLevel: 'silent', output: { file: BUNDLE, format: 'esm' } });
const { parseExchangeLog, parseExchangeLogText } = await import(pathToFileURL(BUNDLE).href);

const logs = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => /\.log$/i.test(f))
        .sort()
        .map((f) => `${dir}${f}`)
    : [];
const files = [...logs(`${ROOT}test/fixtures/smtp/`), ...logs(`${ROOT}test/scenarios/`), ...process.argv.slice(2)];
const sha = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** The file from disk in 64 KB pieces cut at line ends, as the bench's runner and the CLI read it. */
const streamed = (path) => (visit) => {
  const PIECE = 64 << 10;
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(PIECE * 2);
  const decoder = new TextDecoder();
  let carry = 0;
  for (;;) {
    const n = readSync(fd, buf, carry, PIECE, null);
    const size = carry + n;
    if (n === 0) {
      visit(decoder.decode(buf.subarray(0, size)), true);
      break;
    }
    const cut = buf.lastIndexOf(10, size - 1) + 1;
    if (cut > 0) visit(decoder.decode(buf.subarray(0, cut)), false);
    buf.copyWithin(0, cut, size);
    carry = size - cut;
  }
  closeSync(fd);
};

for (const path of files) {
  const name = path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
  const big = readFileSync(path).length > 64 << 20;
  // Whole-bytes reads of the big workloads would hold them twice; the streamed read is the one users run.
  const plain = big ? '-' : sha(parseExchangeLog(name, readFileSync(path)));
  const compact = big ? '-' : sha(parseExchangeLog(name, readFileSync(path), { compact: true }));
  const stream = sha(parseExchangeLogText(name, streamed(path), { compact: true }));
  console.log(`${plain} ${compact} ${stream} ${name}`);
}
