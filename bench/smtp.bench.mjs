#!/usr/bin/env node
// Benchmark of the Exchange protocol log reader (issue 5 item 8): Relay Doctor's session rebuild beside
// `rg '5\.7\.64'` and `cat` over the same files in the same run. The workload is SYNTHETIC: sessions copied
// from test/fixtures/smtp with fresh session ids, 80 % intra-organization hops that went fine and 20 % sessions
// to Exchange Online (half accepted with a certificate, half refused with 5.7.64). Files go to
// bench/workloads/ (gitignored), the table to bench/results/smtp.md.
//
//   node bench/smtp.bench.mjs [--mb 1024]
//
// Our parser runs in its own process reading the file from disk in 64 KB pieces (the TextSource the parser
// takes), so its peak RSS is the parser's own. Then the product itself: `relay-doctor analyze --json` (built
// here) on the same file, which it streams, and on the same bytes as a folder of 10 MB files (Exchange's
// default SendProtocolLogMaxFileSize), which it reads one file at a time; rg and cat read that folder too.
// CPU time (user+sys) is reported beside wall time because build machines are shared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, openSync, readSync, writeSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './measure-command.mjs';
import { availableParallelism } from 'node:os';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/`;
const BUNDLE = `${WORK}smtp.bundle.mjs`;
const RUNNER = `${WORK}smtp-run.mjs`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const mb = Number(arg('mb', '1024'));
mkdirSync(WORK, { recursive: true });

// 1. The parser as the app and CLI ship it (plain ESM).
const { build } = await import('rolldown');
await build({ input: `${ROOT}shared/smtp/exchange/parse.ts`, platform: 'node', logLevel: 'silent', output: { file: BUNDLE, format: 'esm' } });

// 2. The workload.
const file = `${WORK}SEND-synthetic-${mb}MB.log`;
if (!existsSync(file) || statSync(file).size < mb * 1048576) {
  const data = (name) => readFileSync(`${ROOT}test/fixtures/smtp/${name}`, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const sample = data('exchange-send-5.7.64-cert-sent.log');
  const internal = sample.filter((l) => l.includes(',08DC73F1A2B3C4AA,'));
  const rejected = sample.filter((l) => l.includes(',08DC73F1A2B3C4D5,'));
  const accepted = rejected.map((l) => l.replace(/,<,550 5\.7\.64 [^,]*,/, ',<,250 2.1.5 Recipient OK,'));
  const fd = openSync(file, 'w');
  writeSync(fd, readFileSync(`${ROOT}test/fixtures/smtp/exchange-send-5.7.64-cert-sent.log`, 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n') + '\n');
  let size = 0;
  let buffer = '';
  for (let n = 0; size < mb * 1048576; n++) {
    const id = n.toString(16).toUpperCase().padStart(16, '0');
    const block = n % 10 === 0 ? rejected : n % 10 === 5 ? accepted : internal;
    for (const line of block) buffer += line.replace(/,08DC73F1A2B3C4(AA|D5),/, `,${id},`) + '\n';
    if (buffer.length > 4 << 20) {
      writeSync(fd, buffer);
      size += buffer.length;
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}
const bytes = statSync(file).size;

// 3. The runner: streams the file through parseExchangeLogText and prints what it rebuilt.
writeFileSync(
  RUNNER,
  `import { openSync, readSync, closeSync } from 'node:fs';
import { parseExchangeLogText } from './smtp.bundle.mjs';
const [, , path] = process.argv;
const PIECE = 64 << 10;
const source = (visit) => {
  // One buffer; the unfinished last line is moved to its front before the next read (no concatenation).
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(PIECE * 2);
  const decoder = new TextDecoder();
  let carry = 0;
  for (;;) {
    const n = readSync(fd, buf, carry, PIECE, null);
    const size = carry + n;
    if (n === 0) { visit(decoder.decode(buf.subarray(0, size)), true); break; }
    const cut = buf.lastIndexOf(10, size - 1) + 1;
    if (cut > 0) visit(decoder.decode(buf.subarray(0, cut)), false);
    buf.copyWithin(0, cut, size);
    carry = size - cut;
  }
  closeSync(fd);
};
const r = parseExchangeLogText('SEND.log', source, { compact: true });
// Identical sessions are folded on large logs (shared/smtp/fold.ts): each kept one stands for 1 + alike.
const count = (list) => list.reduce((n, s) => n + 1 + (s.alike ?? 0), 0);
const rejected = count(r.sessions.filter((s) => s.status === 'rejected'));
globalThis.gc?.();
const u = process.resourceUsage();
console.log(JSON.stringify({ sessions: count(r.sessions), kept: r.sessions.length, rejected, skipped: r.skipped, damaged: r.damaged, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMb: Math.round(u.maxRSS / 1024), liveHeapMb: Math.round(process.memoryUsage().heapUsed / 1048576) }));
`,
);

// 4. The same bytes as a folder of 10 MB logs, each with the header, cut at line ends.
function splitInto(from, folder) {
  const done = `${folder.replace(/\/$/, '')}.done`;
  if (existsSync(done)) return;
  mkdirSync(folder, { recursive: true });
  const data = readFileSync(from);
  const header = data.subarray(0, data.indexOf('\n2') + 1);
  let at = header.length;
  for (let n = 1; at < data.length; n++) {
    let end = Math.min(data.length, at + 10 * 1048576 - header.length);
    if (end < data.length) end = data.indexOf(10, end) + 1 || data.length;
    writeFileSync(`${folder}SEND${String(n).padStart(4, '0')}.LOG`, Buffer.concat([header, data.subarray(at, end)]));
    at = end;
  }
  writeFileSync(done, '');
}
const folder = `${WORK}SmtpSend-${mb}MB/`;
splitInto(file, folder);

// 4b. The floor of any approach in this engine that rebuilds every relevant session: the same folder with the
// intra-organization sessions taken out beforehand (what a perfect, free skip of irrelevant bytes would leave).
const relevantFile = `${WORK}SEND-synthetic-${mb}MB-relevant-only.log`;
if (!existsSync(relevantFile)) {
  const input = openSync(file, 'r');
  const output = openSync(relevantFile, 'w');
  const chunk = Buffer.allocUnsafe(8 << 20);
  let carry = '';
  for (let n; (n = readSync(input, chunk, 0, chunk.length, null)) > 0; ) {
    const lines = (carry + chunk.latin1Slice(0, n)).split('\n');
    carry = lines.pop();
    writeSync(output, lines.filter((l) => !l.includes(',Intra-Organization SMTP Send Connector,')).map((l) => l + '\n').join(''), null, 'latin1');
  }
  writeSync(output, carry, null, 'latin1');
  closeSync(input);
  closeSync(output);
}
const relevantFolder = `${WORK}SmtpSend-${mb}MB-relevant-only/`;
splitInto(relevantFile, relevantFolder);

// 4c. The floor of scanning in JavaScript, before any line is looked at: decoding the text in 64 KB pieces and one
// pass of the parser's trigger expression over it (shared/smtp/exchange/prefilter.ts TRIGGERS), one core.
const SCAN = `${WORK}scan-floor.mjs`;
writeFileSync(
  SCAN,
  `import { openSync, readSync, closeSync } from 'node:fs';
const TRIGGERS = ${readFileSync(`${ROOT}shared/smtp/exchange/prefilter.ts`, 'utf8').match(/const TRIGGERS = (\/.*\/g);/)[1]};
const fd = openSync(process.argv[2], 'r');
const buf = Buffer.allocUnsafe(64 << 10);
const decoder = new TextDecoder();
let hits = 0;
for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
  const text = decoder.decode(buf.subarray(0, n), { stream: true });
  TRIGGERS.lastIndex = 0;
  while (TRIGGERS.exec(text)) hits++;
}
closeSync(fd);
console.log(hits + ' trigger matches');
`,
);
const logs = `${folder}*.LOG`;

// 5. The command line as users run it.
spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
const CLI = `${ROOT}bin/relay-doctor.js`;
const REPORT = `${WORK}report.json`;
/** What the report says: sessions read (folded ones counted) and the findings with their counts. */
function reportSummary() {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  const sessions = report.inputs.reduce((n, i) => n + (i.kind === 'smtpLog' ? i.items : 0), 0);
  return `${report.inputs.length} inputs, ${sessions} sessions; ${report.findings.map((f) => `${f.id} ×${f.params.count ?? 1}`).join(', ')}`;
}

// The issue's other yardstick: a naive line-by-line parse in Node (readline, split on commas), rebuilding nothing.
const NAIVE = `${WORK}naive-readline.mjs`;
writeFileSync(
  NAIVE,
  `import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let lines = 0;
let hits = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  const fields = line.split(',');
  lines++;
  if (fields[7]?.includes('5.7.64')) hits++;
}
console.log(lines + ' lines, ' + hits + ' with 5.7.64');
`,
);

const measure = (command, summary) => measureCommand(command, `${WORK}time.txt`, summary);

const rows = [
  ['cat', measure(`cat '${file}' > /dev/null`)],
  ["rg '5\\.7\\.64'", measure(`rg -c '5\\.7\\.64' '${file}'`)],
  ['naive Node readline + split (rebuilds nothing)', measure(`node '${NAIVE}' '${file}'`)],
  ['JS scan floor: decode + trigger expression only, one core', measure(`node '${SCAN}' '${file}'`)],
  ['Relay Doctor parser (sessions rebuilt)', measure(`node --expose-gc '${RUNNER}' '${file}'`)],
  ['relay-doctor analyze --json (file streamed)', measure(`node '${CLI}' analyze '${file}' --json > '${REPORT}'`, reportSummary)],
  ['cat, 10 MB files', measure(`cat ${logs} > /dev/null`)],
  ["rg '5\\.7\\.64', 10 MB files", measure(`rg -c '5\\.7\\.64' ${logs} | awk -F: '{ n += $NF } END { print n }'`)],
  ['relay-doctor analyze --json --jobs 1, 10 MB files', measure(`node '${CLI}' analyze '${folder}' --json --jobs 1 > '${REPORT}'`, reportSummary)],
  [`relay-doctor analyze --json (--jobs ${Math.min(4, availableParallelism())}), 10 MB files`, measure(`node '${CLI}' analyze '${folder}' --json > '${REPORT}'`, reportSummary)],
  [`same, relevant sessions only (${(statSync(relevantFile).size / 1048576).toFixed(0)} MB: a free skip's floor)`, measure(`node '${CLI}' analyze '${relevantFolder}' --json > '${REPORT}'`, reportSummary)],
];
const rate = (s) => (bytes / 1048576 / Math.max(s, 1e-3)).toFixed(0);
const lines = [
  `# Exchange protocol log reader: ${(bytes / 1048576).toFixed(0)} MB synthetic SmtpSend log (one file, and the same bytes as 10 MB files)`,
  '',
  `Machine: ${spawnSync('sh', ['-c', 'nproc'], { encoding: 'utf8' }).stdout.trim()} cores, node ${process.version}, ${new Date().toISOString()}.`,
  '',
  '| tool | wall s | MB/s (wall) | CPU s | MB/s (CPU) | peak RSS MB | output |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(([name, m]) => `| ${name} | ${m.wall.toFixed(2)} | ${rate(m.wall)} | ${m.cpu.toFixed(2)} | ${rate(m.cpu)} | ${m.rssMb.toFixed(0)} | ${m.stdout.slice(0, 120)} |`),
];
mkdirSync(`${ROOT}bench/results`, { recursive: true });
// Everything from the history marker on (earlier runs, what changed) is kept across runs.
const OUT = `${ROOT}bench/results/smtp.md`;
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const history = previous.includes('<!-- history -->') ? previous.slice(previous.indexOf('<!-- history -->')) : '';
writeFileSync(OUT, lines.join('\n') + '\n' + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
