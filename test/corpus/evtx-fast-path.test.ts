import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChunkBinXml } from '../../shared/eventlog/evtx/binxml';
import { checkChunk, CHUNK_SIZE } from '../../shared/eventlog/evtx/chunk-header';
import { readFileHeader } from '../../shared/eventlog/evtx/file-header';
import { readEvtxChunk, firstChunkOffset } from '../../shared/eventlog/evtx/read-evtx';
import { recordFromTree } from '../../shared/eventlog/record-from-tree';
import type { EventRecord } from '../../shared/eventlog/types';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const DIRS = [`${CORPUS}omerbenamram-evtx/samples/`, `${CORPUS}python-evtx/`];
const present = DIRS.every((d) => existsSync(d));
if (!present) console.warn(`[corpus] SKIPPED test/corpus/evtx-fast-path.test.ts: ${DIRS.join(' or ')} is missing (../shared/corpus not present)`);

/** Every record of a chunk the slow, generic way: build the whole <Event> tree, then flatten System. */
function genericRecords(chunk: Uint8Array): EventRecord[] {
  const check = checkChunk(chunk);
  if (!check.ok) return [];
  const binxml = new ChunkBinXml(chunk, 64);
  const out: EventRecord[] = [];
  for (let pos = 512; pos + 24 <= check.header.freeSpaceOffset; ) {
    const size = chunk[pos + 4]! | (chunk[pos + 5]! << 8) | (chunk[pos + 6]! << 16);
    if (chunk[pos] !== 0x2a || size < 28 || pos + size > chunk.length) break;
    const id = chunk[pos + 8]! + chunk[pos + 9]! * 256 + chunk[pos + 10]! * 65536 + chunk[pos + 11]! * 16777216;
    try {
      const root = binxml.parseRecord(pos + 24, pos + size - 4)[0];
      const r = root ? recordFromTree(root, id) : null;
      if (r) out.push(r);
    } catch {
      // damaged: the fast path must skip it too
    }
    pos += size;
    if (id === check.header.lastRecordId) break;
  }
  return out;
}

describe.skipIf(!present)('the System fast path', () => {
  const files = present ? DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.evtx')).map((f) => d + f)) : [];
  it.each(files.map((f) => [f.slice(CORPUS.length), f]))('gives the same records as the generic tree for %s', (_n, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const header = readFileHeader(bytes)!;
    for (let off = firstChunkOffset(header, bytes.length), i = 0; off + CHUNK_SIZE <= bytes.length; off += CHUNK_SIZE, i++) {
      const chunk = bytes.subarray(off, off + CHUNK_SIZE);
      expect(readEvtxChunk(chunk, i, header.chunkCount, { maxDepth: 64 }).records, `chunk ${i}`).toEqual(genericRecords(chunk));
    }
  });
});
