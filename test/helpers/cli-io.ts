import { Readable } from 'node:stream';
import type { CliIo } from '../../electron/cli/context';

/** A real in-memory terminal for running the CLI in-process: collects what it writes. */
export function captureIo(env: Record<string, string | undefined> = {}, stdin?: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    env,
    // Standard input as a pipe delivers it: a stream of byte chunks.
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin, 'utf8')]) } : {}),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
