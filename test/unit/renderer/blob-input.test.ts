import { describe, expect, it } from 'vitest';
import { deferredBlob, rangePieces } from '../../../renderer/src/lib/blob-input';

describe('a dropped file as a deferred input', () => {
  const body = new Uint8Array(2_500_000).map((_, i) => i % 251);

  it('reads a megabyte at a time and hands on 64 KB pieces that make up the file', () => {
    const reads: Array<[number, number]> = [];
    const parts: Uint8Array[] = [];
    rangePieces(body.length, (start, end) => {
      reads.push([start, end]);
      return body.slice(start, end).buffer as ArrayBuffer;
    })((piece) => {
      parts.push(piece.slice());
    });
    expect(reads).toEqual([
      [0, 1048576],
      [1048576, 2097152],
      [2097152, 2500000],
    ]);
    expect(parts.every((p) => p.length <= 65536)).toBe(true);
    expect(Buffer.concat(parts).equals(Buffer.from(body))).toBe(true);
  });

  it('stops reading when the consumer returns false', () => {
    let reads = 0;
    rangePieces(body.length, (start, end) => {
      reads++;
      return body.slice(start, end).buffer as ArrayBuffer;
    })(() => false);
    expect(reads).toBe(1);
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
