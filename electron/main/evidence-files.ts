import { open } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PickedFile } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';

/** The subset registered as file associations (electron-builder.yml): opening one starts or focuses us. */
export const ASSOCIATED_EXTENSIONS = ['cer', 'crt', 'pem', 'der', 'p7b', 'p7c', 'pfx', 'p12', 'evtx'] as const;

export interface ReadLimits {
  /** Per file; an exported Security event log can be large, a certificate never is. */
  readonly maxFileBytes: number;
  /** Per batch, because everything read is copied once more across IPC (the evidence:opened event). */
  readonly maxTotalBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export interface ReadOutcome {
  files: PickedFile[];
  rejected: Array<{ name: string; error: AppError }>;
}

/**
 * Reads files the *user* chose outside the window (File ▸ Open evidence…, file association, command line)
 * for the evidence:opened event; the page's own Browse… needs no main at all. Main never reads a path the
 * renderer supplies (style.md §3.2). Size is checked on the open handle before reading, and the read stops
 * at the limit, so a file that grows meanwhile cannot blow the cap.
 */
export async function readEvidenceFiles(paths: readonly string[], limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadOutcome> {
  const out: ReadOutcome = { files: [], rejected: [] };
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    let handle;
    try {
      handle = await open(path, 'r');
      const info = await handle.stat();
      if (!info.isFile()) {
        out.rejected.push({ name, error: { code: 'evidence.notAFile', params: { name } } });
        continue;
      }
      const limit = Math.min(limits.maxFileBytes, limits.maxTotalBytes - total);
      if (info.size > limit) {
        out.rejected.push({ name, error: { code: 'evidence.tooLarge', params: { name, limitBytes: limit } } });
        continue;
      }
      const bytes = new Uint8Array(info.size);
      const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
      total += bytesRead;
      out.files.push({ name, bytes: bytesRead === info.size ? bytes : bytes.slice(0, bytesRead) });
    } catch {
      out.rejected.push({ name, error: { code: 'evidence.unreadable', params: { name } } });
    } finally {
      await handle?.close();
    }
  }
  return out;
}

/**
 * The evidence files named on a command line (file association on Windows/Linux, or a second launch):
 * arguments (or `file://` URIs) that are not switches and end in an associated extension, resolved
 * against the launching process's working directory. The executable and Chromium's own switches are thereby skipped.
 */
export function evidencePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const wanted = new Set<string>(ASSOCIATED_EXTENSIONS.map((e) => `.${e}`));
  return argv
    .slice(1)
    .map(fromFileUri)
    .filter((arg): arg is string => arg !== null && !arg.startsWith('-') && wanted.has(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/** Linux desktop entries pass `%U`, so a file manager may hand us `file://` URIs instead of paths. */
function fromFileUri(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return arg; // a path (a drive letter is only a one-letter "scheme")
  if (!/^file:/i.test(arg)) return null; // a web or other URI is not a file we were asked to open
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}
