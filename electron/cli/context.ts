import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TrustAnchor } from '../../shared/model/analyzer';
import type { InputFile } from '../../shared/model/input';
import { readTrustFiles, type TrustedRoot } from '../../shared/engine/user-trust';
import { runtimeTrustAnchors } from '../services/trust-store';

/** Stdout/stderr and environment, injected so tests can run the CLI in-process. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  /** `isTTY` when it is a terminal, where a progress line may be drawn. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /**
   * The raw stderr, for the progress line's own cursor controls only (never text from evidence): main()
   * wraps stdout and stderr in terminalSafeIo, which escapes every control character written through them.
   */
  readonly terminal?: { write(text: string): unknown };
  /**
   * The built CLI's reader-thread script (bin/relay-doctor.js passes out/cli/read-worker.js): with it, files
   * are read on several threads. Absent when the CLI runs in-process from source (tests): one by one.
   */
  readonly readWorker?: URL;
  /** Standard input, for `analyze -` (pasted text piped in). */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** Everything on standard input, as the bytes a pasted text would be (nothing when there is no stdin). */
export async function readStdin(io: CliIo): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of io.stdin ?? []) parts.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(parts);
}

/**
 * Trust anchors for the CLI: the Mozilla list built into this runtime (findings.md: `--trust` adds to it),
 * the operating system's store where the runtime can read it (Node 22's Mozilla list has dropped roots that
 * the Microsoft Trusted Root Program, and so Exchange Online, still trusts, such as DigiCert Global Root CA;
 * each chain names the store that anchored it). The `--trust` files are read by the engine's readTrustFiles,
 * the same code that reads the roots the admin trusts in the app; their roots go to runAnalysis as
 * `trustedRoots`. Returns the files that could not be opened or held no certificate so the caller can say so.
 */
export async function loadTrustAnchors(files: readonly string[]): Promise<{ anchors: TrustAnchor[]; roots: TrustedRoot[]; unreadable: string[] }> {
  const anchors: TrustAnchor[] = runtimeTrustAnchors().map((a) => ({ derBase64: a.derBase64, store: a.store }));
  const unreadable: string[] = [];
  const roots: TrustedRoot[] = [];
  for (const file of files) {
    let input: InputFile;
    try {
      input = { name: basename(file), bytes: new Uint8Array(await readFile(file)) };
    } catch {
      unreadable.push(file);
      continue;
    }
    // One file at a time, so a file without a certificate is named by the path the admin typed.
    const read = await readTrustFiles([input]);
    if (read.unreadable.length > 0) unreadable.push(file);
    roots.push(...read.roots.filter((r) => !roots.some((o) => o.sha1 === r.sha1)));
  }
  return { anchors, roots, unreadable };
}
