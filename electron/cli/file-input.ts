import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DeferredInput } from '../../shared/model/input';

/** Pieces of 64 KB: decoded strings that small die young in V8 instead of filling the old generation. */
const PIECE = 64 * 1024;

/** A deferred input that is a file on disk: its path lets another thread open it too. */
export interface FileInput extends DeferredInput {
  readonly path: string;
}

/**
 * A file on disk as the engine takes it: nothing is read until its turn (so a folder of thousands of logs is
 * never in memory at once), then either loaded whole or, when large and its reader can, read in pieces.
 */
export function deferredFile(path: string, name: string, size: number): FileInput {
  return {
    path,
    name,
    size,
    load: async () => {
      // A plain Uint8Array view of the Buffer, not a copy: a whole-loaded file is in memory once, not twice.
      const buffer = await readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    pieces: (visit) => {
      const fd = openSync(path, 'r');
      try {
        // One buffer for every piece: consumers copy what they keep (text decoding does). Pieces are plain
        // Uint8Array views, whose slice() copies (a Buffer's would not).
        const buffer = new Uint8Array(PIECE);
        for (;;) {
          const n = readSync(fd, buffer, 0, PIECE, null);
          if (n === 0 || visit(buffer.subarray(0, n)) === false) break;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
