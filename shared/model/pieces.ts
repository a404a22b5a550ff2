import type { ByteSource } from './input';

// Working with ByteSource (DeferredInput.pieces): the head for sniffing, and counting for progress.

/** Bytes a reader's sniff looks at (the text readers decode 8 KB; certificates and zips fewer). */
export const HEAD_BYTES = 64 * 1024;

/** The first `max` bytes of a piece source, reading no further than needed. */
export function headOf(pieces: ByteSource, max = HEAD_BYTES): Uint8Array {
  const head = new Uint8Array(max);
  let filled = 0;
  pieces((piece) => {
    const take = Math.min(piece.byteLength, max - filled);
    head.set(piece.subarray(0, take), filled);
    filled += take;
    return filled < max;
  });
  return head.slice(0, filled);
}

/** The pieces, telling `report` how far through `expected` bytes the reading is (a reader reading twice doubles it). */
export function countedPieces(pieces: ByteSource, expected: number, report: ((fraction: number) => void) | undefined): ByteSource {
  if (!report || expected <= 0) return pieces;
  let seen = 0;
  return (visit) =>
    pieces((piece) => {
      seen += piece.byteLength;
      report(seen / expected);
      return visit(piece);
    });
}
