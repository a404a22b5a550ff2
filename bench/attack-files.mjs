#!/usr/bin/env node
// Issue 19 item 4: the crafted files that got through, at full size, run through the built CLI under
// /usr/bin/time, each held to its time and peak-memory bound. Run from .ci/run after the build (not in
// `npm test`: it writes gigabyte-class archives and measures a process, which unit tests must not).
//
//   node bench/attack-files.mjs [--keep]     (needs `npm run build`; writes bench/results/attacks.md)
//
// Exits 1 when a file broke its bound (CPU seconds and peak resident memory; wall time is shown, not judged,
// as the machine is shared). The bounds are the issue's, far above an honest run.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate, deflateSync, strToU8 } from 'fflate';
import { measureCommand } from './measure-command.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}bin/relay-doctor.js`;
const MB = 1024 * 1024;
if (!existsSync(`${ROOT}out/cli/index.js`)) {
  process.stderr.write('bench/attack-files.mjs: build first (npm run build)\n');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'rd-attacks-'));

/** Writes `total` bytes made by `fill(piece, offset)` in 1 MiB pieces, never holding the file. */
function writeStreamed(path, total, fill) {
  const fd = openSync(path, 'w');
  const piece = new Uint8Array(MB);
  for (let at = 0; at < total; at += MB) {
    fill(piece, at);
    writeSync(fd, piece, 0, Math.min(MB, total - at));
  }
  closeSync(fd);
}

/** A zip of one entry of `total` bytes from `fill`, deflated as it is made (the archive is small). */
function zipOfOne(path, name, total, fill) {
  const parts = [];
  const zip = new Zip((e, chunk) => {
    if (e) throw e;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 6 });
  zip.add(entry);
  const piece = new Uint8Array(MB);
  for (let at = 0; at < total; at += MB) {
    fill(piece, at);
    entry.push(piece, at + MB >= total);
  }
  zip.end();
  writeFileSync(path, Buffer.concat(parts));
}

const u16 = (v) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

/** 10,000 central entries pointing at one local header and its deflate stream: ~612 KB declaring 4 GB. */
function sharedStreamZip(path, count, size) {
  const stream = [...deflateSync(new Uint8Array(size))];
  const first = [...strToU8('logs/SEND0.LOG')];
  const body = [...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0), ...u32(stream.length), ...u32(size), ...u16(first.length), ...u16(0), ...first, ...stream];
  const dir = [];
  for (let i = 0; i < count; i++) {
    const name = [...strToU8(`logs/SEND${i}.LOG`)];
    dir.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0));
    dir.push(...u32(stream.length), ...u32(size), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...name);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(dir.length), ...u32(body.length), ...u16(0)];
  writeFileSync(path, new Uint8Array([...body, ...dir, ...end]));
}

/** A 4 KiB random block repeated: deflates about 100:1, under the ratio limit, so only the head judges it. */
const block = randomBytes(4096);
const repeatedBlock = (piece) => {
  for (let i = 0; i < piece.length; i += block.length) piece.set(block, i);
};
const zeros = (piece) => piece.fill(0);
const random = (piece) => piece.set(randomBytes(piece.length));

/** DER length at `at` (after the tag): [value, header bytes]. */
function derLength(der, at) {
  const first = der[at];
  if (first < 0x80) return [first, 1];
  const n = first & 0x7f;
  let v = 0;
  for (let i = 1; i <= n; i++) v = v * 256 + der[at + i];
  return [v, 1 + n];
}

/**
 * `count` distinct certificates in one PEM (an EC leaf, so 25,000 stay under the 32 MB certificate-file limit
 * and reach the chain builder): a fixture leaf whose serial number is rewritten each time (the
 * signatures no longer verify, which is what an attacker's set looks like; they still share one issuer and
 * name, the worst case for issuer lookups).
 */
function manyCertificatesPem(path, count) {
  const pem = readFileSync(`${ROOT}test/fixtures/certs/leaf-ec256.pem`, 'utf8');
  const first = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1] ?? '';
  const der = Buffer.from(first.replace(/\s+/g, ''), 'base64');
  // Certificate SEQUENCE → TBSCertificate SEQUENCE → [0] version → INTEGER serial.
  let at = 1 + derLength(der, 1)[1];
  at += 1 + derLength(der, at + 1)[1];
  if (der[at] === 0xa0) at += 1 + derLength(der, at + 1)[1] + derLength(der, at + 1)[0];
  const [serialLength, header] = derLength(der, at + 1);
  const serialEnd = at + 1 + header + serialLength;
  const parts = [];
  for (let i = 0; i < count; i++) {
    const copy = Buffer.from(der);
    copy.writeUInt32BE(i, serialEnd - 4);
    parts.push(`-----BEGIN CERTIFICATE-----\n${copy.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
  }
  writeFileSync(path, parts.join(''));
}

const ATTACKS = [
  {
    id: 'many-certificates.pem',
    what: '25,000 distinct certificates of one issuer and name in one PEM',
    make: (p) => manyCertificatesPem(p, 25_000),
    seconds: 20,
    mb: 600,
  },
  {
    id: 'shared-stream.zip',
    what: '10,000 entries sharing one deflate stream, 4 GB declared',
    make: (p) => sharedStreamZip(p, 10_000, Math.floor((4 * 1024 * MB - 1) / 10_000)),
    seconds: 10,
    mb: 300,
  },
  { id: 'zero-log.zip', what: '1 GB of zeros as logs/SEND20261207-1.LOG', make: (p) => zipOfOne(p, 'logs/SEND20261207-1.LOG', 1024 * MB, zeros), seconds: 2, mb: 300 },
  {
    id: 'block-log.zip',
    what: '1 GB of a repeated random block as logs/SEND20261207-1.LOG (about 100:1, under the ratio limit)',
    make: (p) => zipOfOne(p, 'logs/SEND20261207-1.LOG', 1024 * MB, repeatedBlock),
    seconds: 2,
    mb: 300,
  },
  { id: 'random.bin', what: '300 MB of random bytes', make: (p) => writeStreamed(p, 300 * MB, random), seconds: 10, mb: 300 },
  { id: 'random.evtx', what: '300 MB of random bytes named .evtx', make: (p) => writeStreamed(p, 300 * MB, random), seconds: 10, mb: 300 },
  { id: 'random.cer', what: '300 MB of random bytes named .cer', make: (p) => writeStreamed(p, 300 * MB, random), seconds: 10, mb: 300 },
  {
    id: 'long-line.log',
    what: 'an Exchange send log header, then 300 MB without a line feed',
    make: (p) => {
      const header = '#Software: Microsoft Exchange Server\n#Log-Type: SMTP Send Protocol Log\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n';
      writeStreamed(p, 300 * MB, (piece, at) => {
        piece.fill(0x41);
        if (at === 0) piece.set(strToU8(header));
      });
    },
    seconds: 10,
    mb: 300,
  },
];

/**
 * A loopback SMTP server, in a process of its own (measureCommand waits synchronously), that answers EHLO
 * with continuation lines for as long as the client reads. Resolves with the child and its port.
 */
function floodingServer() {
  const code = `
    const net = require('node:net');
    const line = Buffer.from('250-SIZE 35882577 PIPELINING 8BITMIME SMTPUTF8 CHUNKING\\r\\n'.repeat(300));
    const server = net.createServer((sock) => {
      sock.on('error', () => undefined);
      sock.write('220 flood.contoso.test ESMTP\\r\\n');
      sock.once('data', () => {
        const pump = () => { while (!sock.destroyed && sock.write(line)); if (!sock.destroyed) sock.once('drain', pump); };
        pump();
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) })));
}

const rows = [];
let failed = false;
const record = (id, what, m, bound, outcome) => {
  // CPU seconds, not wall: on a shared machine the wait for a core is not the program's time.
  const ok = m.cpu <= bound.seconds && m.rssMb <= bound.mb;
  failed ||= !ok;
  rows.push(`| ${id} | ${what} | ${outcome} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.rssMb.toFixed(0)} | ${bound.seconds} s, ${bound.mb} MB | ${ok ? 'ok' : '**over**'} |`);
  process.stdout.write(`${rows.at(-1)}\n`);
};

try {
  for (const attack of ATTACKS) {
    const path = join(work, attack.id);
    attack.make(path);
    const m = measureCommand(`node ${CLI} analyze ${path} --json`, join(work, 'time.txt'));
    let outcome = 'no report';
    try {
      const report = JSON.parse(m.stdout);
      outcome = report.inputs.map((i) => `${i.file.replace(/^.*?\//, '…/')}: ${i.error?.code ?? i.status}`).slice(0, 3).join('; ');
    } catch {
      // The row says "no report"; the bound still decides.
    }
    record(attack.id, attack.what, m, attack, outcome);
    rmSync(path, { force: true });
  }
  const { child, port } = await floodingServer();
  const probe = measureCommand(`node ${CLI} probe 127.0.0.1:${port} --json 2>&1`, join(work, 'time.txt'));
  child.kill();
  record('smtp-flood', 'SMTP server flooding EHLO continuation lines', probe, { seconds: 10, mb: 300 }, probe.stdout.split('\n')[0]?.slice(0, 90) ?? '');
} finally {
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
}

const header = [
  '# Attack files through the CLI (issue 19 item 4)',
  '',
  `Run ${new Date().toISOString()} by \`node bench/attack-files.mjs\` on ${cpus().length} cores (load ${loadavg()[0].toFixed(2)}), Node ${process.version}.`,
  'Wall and CPU seconds and peak resident memory from `/usr/bin/time` around `node bin/relay-doctor.js analyze <file> --json`',
  '(the probe row: `relay-doctor probe`). Bounds are the issue\'s, judged on CPU seconds and peak memory; the machine is shared, so wall time varies from run to run.',
  '',
  '| file | what | outcome | wall s | CPU s | peak MB | bound | |',
  '|---|---|---|---|---|---|---|---|',
];
writeFileSync(`${ROOT}bench/results/attacks.md`, [...header, ...rows, ''].join('\n'));
process.exit(failed ? 1 : 0);
