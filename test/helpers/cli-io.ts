import type { CliIo } from '../../electron/cli/context';

/** A real in-memory terminal for running the CLI in-process: collects what it writes. */
export function captureIo(env: Record<string, string | undefined> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    env,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
