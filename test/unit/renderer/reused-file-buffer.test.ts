import { describe, expect, it } from 'vitest';
import { READ_WHOLE_BYTES } from '../../../renderer/src/lib/blob-input';
import { ReusedFileBuffer } from '../../../renderer/src/lib/reused-file-buffer';

function piecesOf(input: { pieces?: (visit: (piece: Uint8Array) => boolean | void) => void }): Buffer {
  const parts: Uint8Array[] = [];
  input.pieces?.((piece) => {
    parts.push(piece.slice());
  });
  return Buffer.concat(parts);
}

describe("a reader worker's reused buffer for files read whole", () => {
  const a = new Uint8Array(2_500_000).map((_, i) => i % 251);
  const b = new Uint8Array(1_000_000).map((_, i) => (i * 7) % 253);

  it('reads each file whole into the same memory, and every pass over it sees the same bytes', async () => {
    const buffer = new ReusedFileBuffer();
    const first = await buffer.input('a.log', new Blob([a]));
    expect(first?.size).toBe(a.length);
    expect(first?.name).toBe('a.log');
    expect(piecesOf(first!).equals(Buffer.from(a))).toBe(true);
    // Sniffing stops early; the next pass still starts at the first byte.
    first?.pieces?.(() => false);
    expect(piecesOf(first!).equals(Buffer.from(a))).toBe(true);
    const second = await buffer.input('b.log', new Blob([b]));
    expect(piecesOf(second!).equals(Buffer.from(b))).toBe(true);
  });

  it('loads a copy that the next file does not overwrite (a reader taking the file whole may keep it)', async () => {
    const buffer = new ReusedFileBuffer();
    const first = await buffer.input('a.log', new Blob([a]));
    const loaded = await first!.load();
    await buffer.input('b.log', new Blob([b]));
    expect(Buffer.from(loaded).equals(Buffer.from(a))).toBe(true);
  });

  it('leaves a file larger than a whole read and an empty one to the caller or reads it as nothing', async () => {
    const buffer = new ReusedFileBuffer();
    const large = { size: READ_WHOLE_BYTES + 1 } as Blob;
    expect(await buffer.input('big.evtx', large)).toBeNull();
    const empty = await buffer.input('empty.log', new Blob([]));
    expect(empty?.size).toBe(0);
    expect(piecesOf(empty!).length).toBe(0);
  });

  it('answers null when the Blob cannot be read, and reads the next one afresh', async () => {
    const buffer = new ReusedFileBuffer();
    const failing = {
      size: 10,
      stream: () => new ReadableStream({ type: 'bytes', pull: (controller) => controller.error(new Error('NotReadableError')) }),
    } as unknown as Blob;
    expect(await buffer.input('gone.log', failing)).toBeNull();
    const next = await buffer.input('b.log', new Blob([b]));
    expect(piecesOf(next!).equals(Buffer.from(b))).toBe(true);
  });
});
