import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listZip } from '../../shared/zip/read-zip';
import { ZIP_BOMB_LIMITS } from '../../shared/zip/bomb-checks';
import { readInputs } from '../../shared/engine/read-inputs';
import { DEFAULT_LIMITS, type ByteSource, type DeferredInput } from '../../shared/model/input';

// Issue 19 item 4: a 612 KB zip whose 10,000 entries share one deflate stream ran past 2 minutes and 3.4 GB;
// a 1 GB zero-filled logs/SEND….LOG entry was inflated whole (2.3 GB, 17 s) before it was found unreadable;
// a 300 MB random file peaked at 680 MB. The crafted files here are small; bench/attack-files.mjs runs the
// full-size ones through the built CLI under /usr/bin/time and records their time and peak memory.

const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

interface Planned {
  readonly name: string;
  readonly localOffset: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** A central directory (APPNOTE §4.3.12) for `entries` and its end record, appended after `body`. */
function withDirectory(body: number[], entries: readonly Planned[]): Uint8Array {
  const dir: number[] = [];
  for (const e of entries) {
    const name = [...strToU8(e.name)];
    dir.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0));
    dir.push(...u32(e.compressedSize), ...u32(e.size), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(e.localOffset), ...name);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(dir.length), ...u32(body.length), ...u16(0)];
  return new Uint8Array([...body, ...dir, ...end]);
}

function localHeader(name: string, compressedSize: number, size: number): number[] {
  const raw = [...strToU8(name)];
  return [...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0), ...u32(0), ...u32(compressedSize), ...u32(size), ...u16(raw.length), ...u16(0), ...raw];
}

/** Every entry's central record points at the same local header and deflate stream. */
function sharedStreamZip(count: number, size: number): Uint8Array {
  const stream = [...deflateSync(new Uint8Array(size))];
  const body = [...localHeader('logs/SEND0.LOG', stream.length, size), ...stream];
  const entries = Array.from({ length: count }, (_, i) => ({ name: `logs/SEND${i}.LOG`, localOffset: 0, compressedSize: stream.length, size }));
  return withDirectory(body, entries);
}

/** Fifield's layout: headers one after another, each entry's data running over the next headers into one shared stream. */
function chainedHeadersZip(count: number, size: number): Uint8Array {
  const stream = [...deflateSync(new Uint8Array(size))];
  const headers: number[][] = [];
  const names = Array.from({ length: count }, (_, i) => `logs/SEND${i}.LOG`);
  const headerLength = (n: string) => 30 + strToU8(n).length;
  const total = names.reduce((sum, n) => sum + headerLength(n), 0) + stream.length;
  const entries: Planned[] = [];
  let offset = 0;
  for (const name of names) {
    const compressedSize = total - offset - headerLength(name);
    headers.push(localHeader(name, compressedSize, size));
    entries.push({ name, localOffset: offset, compressedSize, size });
    offset += headerLength(name);
  }
  return withDirectory([...headers.flat(), ...stream], entries);
}

const code = (r: ReturnType<typeof listZip>) => (r.ok ? 'ok' : r.error.code);

describe('zip entries whose data overlap', () => {
  it('refuses 2,000 entries sharing one deflate stream before inflating any', () => {
    const zip = sharedStreamZip(2000, 1024 * 1024);
    expect(zip.length).toBeLessThan(200 * 1024);
    const r = listZip(zip, DEFAULT_LIMITS);
    expect(!r.ok && r.error).toMatchObject({ code: 'input.zipBomb', params: { reason: 'overlap' } });
  });

  it('refuses entries whose data run over the next local headers', () => {
    expect(code(listZip(chainedHeadersZip(50, 64 * 1024), DEFAULT_LIMITS))).toBe('input.zipBomb');
  });

  it('reads an honest archive of the same files', () => {
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`logs/SEND${i}.LOG`, strToU8(`#Log-Type: SMTP Send Protocol Log ${i}\n`)]));
    expect(code(listZip(zipSync(files), DEFAULT_LIMITS))).toBe('ok');
  });
});

describe('compression ratio limits', () => {
  it('refuses one entry past the ratio limit (9 MB of zeros)', () => {
    const zip = zipSync({ 'logs/SEND20261207-1.LOG': new Uint8Array(ZIP_BOMB_LIMITS.entryGraceBytes + 1024 * 1024) });
    const r = listZip(zip, DEFAULT_LIMITS);
    expect(!r.ok && r.error).toMatchObject({ code: 'input.zipBomb', params: { reason: 'entryRatio', entry: 'logs/SEND20261207-1.LOG' } });
  });

  it('refuses an archive of many entries each under the entry grace but past the ratio together', () => {
    // Eleven entries of 7 KiB of zeros whose directory declares 7 MiB each (under the entry grace, so each
    // entry alone passes): 77 MiB from a few kilobytes.
    const files = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`logs/SEND${i}.LOG`, new Uint8Array(7 * 1024)]));
    const zip = zipSync(files);
    const dv = new DataView(zip.buffer);
    let p = dv.getUint32(zip.length - 22 + 16, true);
    for (let i = 0; i < 11; i++) {
      dv.setUint32(p + 24, 7 * 1024 * 1024, true);
      p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    const r = listZip(zip, DEFAULT_LIMITS);
    expect(!r.ok && r.error).toMatchObject({ code: 'input.zipBomb', params: { reason: 'archiveRatio' } });
  });

  it('accepts a small file of zeros (under the grace size) and an ordinary log ratio', () => {
    expect(code(listZip(zipSync({ 'events/empty.evtx': new Uint8Array(2 * 1024 * 1024) }), DEFAULT_LIMITS))).toBe('ok');
    const log = strToU8(Array.from({ length: 90_000 }, (_, i) => `2026-12-07T10:00:${String(i % 60).padStart(2, '0')}.000Z,Outbound,08DC${i.toString(16)},${i},10.0.0.5:25,52.101.0.1:25,>,EHLO relay.contoso.com,`).join('\n'));
    expect(code(listZip(zipSync({ 'logs/SEND1.LOG': log }), DEFAULT_LIMITS))).toBe('ok');
  });
});

/** A deferred input of `size` bytes made on the fly (never held), recording how much of it was read. */
function generated(name: string, size: number, byte: (at: number) => number) {
  const seen = { bytes: 0, loads: 0 };
  const pieces: ByteSource = (visit) => {
    const piece = new Uint8Array(64 * 1024);
    for (let at = 0; at < size; at += piece.length) {
      for (let i = 0; i < piece.length; i++) piece[i] = byte(at + i);
      seen.bytes += piece.length;
      if (visit(piece) === false) return;
    }
  };
  const input: DeferredInput = {
    name,
    size,
    pieces,
    load: async () => {
      seen.loads++;
      throw new Error('an unrecognised file must not be loaded whole');
    },
  };
  return { input, seen };
}

describe('an input judged from its head', () => {
  const random = (at: number) => (Math.imul(at ^ 0x9e3779b9, 0x85ebca6b) >>> 13) & 0xff;

  it.each([
    ['random bytes', 'capture.bin', random],
    ['random bytes named like a certificate', 'server.cer', random],
    ['random bytes named like an event log', 'System.evtx', random],
    ['zeros named like a send log', 'logs/SEND20261207-1.LOG', () => 0],
    ['random bytes named like a zip', 'evidence.zip', random],
  ])('refuses %s as input.unrecognized after reading only its head', async (_what, name, byte) => {
    const { input, seen } = generated(name, 64 * 1024 * 1024, byte);
    const read = await readInputs([input], { limits: DEFAULT_LIMITS });
    expect(read.outcomes[0]).toMatchObject({ file: name, status: 'rejected', error: { code: 'input.unrecognized' } });
    expect(seen.loads).toBe(0);
    expect(seen.bytes).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });

  it('stops inflating a zip entry of zeros that no reader wants after its first megabyte', async () => {
    // 6 MiB of zeros: under the ratio grace, so only the head judgement stops it.
    const zip = zipSync({ 'logs/SEND20261207-1.LOG': new Uint8Array(6 * 1024 * 1024), 'note.txt': strToU8('hello') });
    const read = await readInputs([{ name: 'evidence.zip', bytes: zip }], { limits: DEFAULT_LIMITS });
    expect(read.outcomes.find((o) => o.file === 'evidence.zip/logs/SEND20261207-1.LOG')).toMatchObject({ status: 'rejected', error: { code: 'input.unrecognized' } });
  });
});
