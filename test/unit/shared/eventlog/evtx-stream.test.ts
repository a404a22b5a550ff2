import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readEvtxFile } from '../../../../shared/eventlog/evtx/read-evtx-file';
import { readEvtxPieces } from '../../../../shared/eventlog/evtx/read-evtx-pieces';
import { readFileHeader } from '../../../../shared/eventlog/evtx/file-header';
import { EvtxTally } from '../../../../shared/eventlog/evtx/evtx-tally';
import { evtxReader } from '../../../../shared/eventlog/readers';
import { DEFAULT_LIMITS, type ByteSource } from '../../../../shared/model/input';
import type { ReadOptions } from '../../../../shared/model/reader';
import { buildEvtx } from '../../../fixtures/evtx/build-evtx';
import { CAPI2_EVENTS, capi2PolicyUntrustedRoot, exchange12014 } from '../../../fixtures/evtx/events';
import { CHUNK0_HEADER_CRC } from '../../../fixtures/evtx/fixture-files';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/evtx/${name}`, import.meta.url)));
const CHUNK = 0x10000;
const opts = { maxDepth: 64, maxRecords: 1000 };
const OPTIONS: ReadOptions = { limits: DEFAULT_LIMITS };

/** The bytes as a ByteSource in pieces of `size` (a file read from disk or a Blob, whatever its read size). */
function piecesOf(bytes: Uint8Array, size: number): ByteSource {
  return (visit) => {
    for (let at = 0; at < bytes.length; at += size) if (visit(bytes.subarray(at, at + size)) === false) return;
  };
}

/** The same result as readEvtxFile, through the streaming reader. */
function streamed(bytes: Uint8Array, pieceSize: number, options = opts) {
  const header = readFileHeader(bytes.subarray(0, CHUNK))!;
  const tally = new EvtxTally(options, header);
  readEvtxPieces(piecesOf(bytes, pieceSize), header, bytes.length, options, (step) => tally.add(step));
  return tally.result();
}

/** Turns a byte of `bytes` into garbage. */
function flip(bytes: Uint8Array, at: number): void {
  bytes[at] = (bytes[at] as number) ^ 0xff;
}

/** Logs with what streaming must carry over exactly: damage, a cut end, unused preallocated chunks. */
function logs() {
  const flipped = fixture('chunk0-header-checksum-flipped.evtx');
  const cut = buildEvtx([CAPI2_EVENTS, [exchange12014], [capi2PolicyUntrustedRoot]]).slice(0, 4096 + 2 * CHUNK + 777);
  const preallocated = new Uint8Array(4096 + 4 * CHUNK);
  preallocated.set(buildEvtx([CAPI2_EVENTS, [exchange12014]]));
  // 60 chunks, every other one with a broken header: more warnings than a report keeps.
  const wrecked = buildEvtx(Array.from({ length: 60 }, (_, i) => [{ ...exchange12014, recordId: 100 + i }]));
  for (let i = 0; i < 60; i += 2) flip(wrecked, 4096 + i * CHUNK + 124);
  const allDamaged = buildEvtx([[exchange12014], [capi2PolicyUntrustedRoot]]);
  flip(allDamaged, CHUNK0_HEADER_CRC);
  flip(allDamaged, CHUNK0_HEADER_CRC + CHUNK);
  return { clean: fixture('capi2-and-exchange.evtx'), flipped, cut, preallocated, wrecked, allDamaged };
}

describe('readEvtxPieces', () => {
  it('gives what readEvtxFile gives for the same bytes, whatever the piece size', () => {
    for (const [name, bytes] of Object.entries(logs())) {
      const whole = readEvtxFile(bytes, opts);
      for (const size of [1000, 4096, CHUNK, CHUNK + 1, 3 * CHUNK + 5, 1 << 22]) expect(streamed(bytes, size), `${name} in ${size}-byte pieces`).toEqual(whole);
    }
  });

  it('keeps the damage a whole read reports: the cut-off chunk, skipped chunks, the summary of extra warnings', () => {
    const { cut, wrecked, allDamaged } = logs();
    const r = streamed(cut, 1000);
    expect(r.ok && r.value.warnings).toContainEqual({ code: 'eventlog.evtx.chunkTruncated', params: { chunk: 2 } });
    const w = streamed(wrecked, CHUNK);
    expect(w.ok && w.value.records.length).toBe(30);
    expect(w.ok && w.value.warnings.length).toBe(26);
    expect(w.ok && w.value.warnings.at(-1)).toEqual({ code: 'eventlog.moreWarnings', params: { count: 5 } });
    expect(streamed(allDamaged, CHUNK)).toEqual({ ok: false, error: { code: 'input.damaged' } });
  });

  it('stops reading at the record limit, as a whole read does', () => {
    const bytes = buildEvtx([CAPI2_EVENTS, [exchange12014], CAPI2_EVENTS]);
    const limited = { ...opts, maxRecords: 4 };
    expect(streamed(bytes, 5000, limited)).toEqual(readEvtxFile(bytes, limited));
    const seen: number[] = [];
    const header = readFileHeader(bytes)!;
    readEvtxPieces(piecesOf(bytes, CHUNK), header, bytes.length, { maxDepth: 64 }, (step) => (seen.push(step.chunk), step.chunk < 1));
    expect(seen).toEqual([0, 1]);
  });
});

describe('an .evtx read in shares and joined', () => {
  const input = (bytes: Uint8Array, size = 1000) => ({ name: 'CAPI2.evtx', size: bytes.length, head: bytes.subarray(0, CHUNK), pieces: piecesOf(bytes, size) });
  const shares = evtxReader.stream!.shares!;

  async function joined(bytes: Uint8Array, count: number, options = OPTIONS) {
    const parts = [];
    for (let index = 0; index < count; index++) parts.push(structuredClone(await shares.read(input(bytes), { index, count }, options)));
    return shares.join('CAPI2.evtx', parts, options);
  }

  it('gives the output of one whole read, for any number of shares', async () => {
    for (const [name, bytes] of Object.entries(logs())) {
      const whole = await evtxReader.read({ name: 'CAPI2.evtx', bytes }, OPTIONS);
      expect(await evtxReader.stream!.read(input(bytes), OPTIONS), `${name} streamed`).toEqual(whole);
      for (const count of [1, 2, 3, 5]) expect(await joined(bytes, count), `${name} in ${count} shares`).toEqual(whole);
    }
  });

  it('is rejected as damaged only when no share read a chunk, and keeps a damaged share’s counts when another read one', async () => {
    const { allDamaged } = logs();
    expect(await joined(allDamaged, 2)).toEqual({ ok: false, error: { code: 'input.damaged' } });
    const half = buildEvtx([[exchange12014], [capi2PolicyUntrustedRoot]]);
    flip(half, CHUNK0_HEADER_CRC);
    const r = await joined(half, 2);
    expect(r?.ok ? [r.value.items, r.value.damaged, r.value.warnings] : r).toEqual([1, 1, [{ code: 'eventlog.evtx.chunk.headerChecksum', params: { chunk: 0 } }]]);
  });

  it('cannot be joined when the record limit falls inside a share (the file is then read whole)', async () => {
    const bytes = buildEvtx([CAPI2_EVENTS, [exchange12014], CAPI2_EVENTS]);
    expect(await joined(bytes, 2, { limits: { ...DEFAULT_LIMITS, maxRecords: 4 } })).toBeNull();
    expect(await joined(bytes, 2, { limits: { ...DEFAULT_LIMITS, maxRecords: 7 } })).toBeNull();
    expect((await joined(bytes, 2, { limits: { ...DEFAULT_LIMITS, maxRecords: 8 } }))?.ok).toBe(true);
  });
});
