import { describe, expect, it } from 'vitest';
import { utf8TextPieces } from '../../../../shared/smtp/text';

/** The text pieces utf8TextPieces makes of `bytes` served `size` bytes at a time. */
function piecesOf(bytes: Uint8Array, size: number, reused: (size: number) => Uint8Array = (n) => new Uint8Array(n)): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  utf8TextPieces((visit) => {
    // One reused buffer, as a file source serves it: kept bytes must have been copied.
    const buffer = reused(size);
    for (let at = 0; at < bytes.length; at += size) {
      const part = bytes.subarray(at, at + size);
      buffer.set(part);
      visit(buffer.subarray(0, part.length));
    }
  })((text, last) => out.push([text, last]));
  return out;
}

const TEXT = '#Fields: a,b\r\nČeská pošta,ß,東京\n' + 'x'.repeat(5000) + ',end\nlast line without a line feed';

describe('UTF-8 bytes in pieces as text pieces ending at line ends', () => {
  it('gives back the text exactly, whatever the piece size, with multi-byte letters cut between pieces', () => {
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [1, 2, 3, 7, 64, 4096, 1 << 20]) {
      const pieces = piecesOf(bytes, size);
      expect(pieces.map(([t]) => t).join('')).toBe(TEXT);
      // Every piece but the last ends at a line feed; only the last is marked last.
      expect(pieces.slice(0, -1).every(([t, last]) => t.endsWith('\n') && !last)).toBe(true);
      expect(pieces.at(-1)?.[1]).toBe(true);
    }
  });

  it('copies what waits for its line end even from a Node Buffer, whose slice() is only a view', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(piecesOf(bytes, 100, (n) => Buffer.alloc(n)).map(([t]) => t).join('')).toBe(TEXT);
  });

  it('drops a UTF-8 byte order mark at the start only', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\nc\n')]);
    expect(piecesOf(bytes, 2).map(([t]) => t).join('')).toBe('a,b\nc\n');
  });

  it('visits one empty last piece for an empty file', () => {
    expect(piecesOf(new Uint8Array(0), 64)).toEqual([['', true]]);
  });
});
