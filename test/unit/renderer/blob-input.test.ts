import { describe, expect, it } from 'vitest';
import { deferredBlob, rangePieces, READ_WHOLE_BYTES } from '../../../renderer/src/lib/blob-input';

/** A range reader over `body` that notes every read. */
function reader(body: Uint8Array, reads: Array<[number, number]>) {
  return (start: number, end: number) => {
    reads.push([start, end]);
    return body.slice(start, end).buffer as ArrayBuffer;
  };
}

function collect(source: ReturnType<typeof rangePieces>): Uint8Array[] {
  const parts: Uint8Array[] = [];
  source((piece) => {
    parts.push(piece.slice());
  });
  return parts;
}

describe('a dropped file as a deferred input', () => {
  const body = new Uint8Array(2_500_000).map((_, i) => i % 251);

  it('reads a small file once, whatever the passes over it, and hands on 256 KB pieces that make it up', () => {
    const reads: Array<[number, number]> = [];
    const source = rangePieces(body.length, reader(body, reads));
    // Sniffing the head, then the Exchange reader's two passes.
    source(() => false);
    const first = collect(source);
    const second = collect(source);
    expect(reads).toEqual([[0, 2_500_000]]);
    expect(first.every((p) => p.length <= 262144)).toBe(true);
    expect(first.length).toBe(Math.ceil(body.length / 262144));
    expect(Buffer.concat(first).equals(Buffer.from(body))).toBe(true);
    expect(Buffer.concat(second).equals(Buffer.from(body))).toBe(true);
  });

  it('keeps only the file read last: another file read whole replaces it', () => {
    const reads: Array<[number, number]> = [];
    const a = rangePieces(body.length, reader(body, reads));
    const other = body.slice(0, 1000).reverse();
    const b = rangePieces(other.length, reader(other, reads));
    collect(a);
    expect(Buffer.concat(collect(b)).equals(Buffer.from(other))).toBe(true);
    expect(Buffer.concat(collect(a)).equals(Buffer.from(body))).toBe(true);
    expect(reads).toEqual([[0, 2_500_000], [0, 1000], [0, 2_500_000]]);
  });

  it('reads a large file 4 MB at a time on every pass, and stops when the consumer returns false', () => {
    const large = new Uint8Array(READ_WHOLE_BYTES + 1_000_000).map((_, i) => i % 253);
    const reads: Array<[number, number]> = [];
    const source = rangePieces(large.length, reader(large, reads));
    expect(Buffer.concat(collect(source)).equals(Buffer.from(large))).toBe(true);
    const mb4 = 4 * 1024 * 1024;
    expect(reads).toEqual([[0, mb4], [mb4, 2 * mb4], [2 * mb4, 3 * mb4], [3 * mb4, 4 * mb4], [4 * mb4, large.length]]);
    reads.length = 0;
    source(() => false);
    expect(reads).toEqual([[0, mb4]]);
  });

  it('loads the Blob whole, and offers pieces only where a synchronous reader exists', async () => {
    const blob = new Blob([body]);
    const plain = deferredBlob('a.log', blob);
    expect(plain.size).toBe(body.length);
    expect(plain.pieces).toBeUndefined();
    expect(Buffer.from(await plain.load()).equals(Buffer.from(body))).toBe(true);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const streamed = deferredBlob('a.log', blob, () => (start, end) => bytes.slice(start, end).buffer);
    let total = 0;
    streamed.pieces?.((piece) => {
      total += piece.length;
    });
    expect(total).toBe(body.length);
  });
});
