import { Inflate } from 'fflate';
import { err, ok, type Result } from '../result';
import type { InputError, InputFile, InputWarning, Limits } from '../model/input';
import { dataOffset, readCentralDirectory, type CentralEntry } from './central-directory';
import { safeEntryPath } from './safe-path';

export interface ZipContents {
  readonly files: readonly InputFile[];
  readonly warnings: readonly InputWarning[];
}

const CHUNK = 64 * 1024;

/**
 * Inflates at most `cap` bytes. Fed in 64 KiB slices so a bomb is stopped after the slice that crosses the
 * cap (DEFLATE expands at most ~1032:1, so the overshoot is bounded) instead of after gigabytes.
 */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | 'overflow' | 'damaged' {
  const parts: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) overflow = true;
    else parts.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += CHUNK) {
      inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    }
  } catch {
    return 'damaged';
  }
  if (overflow) return 'overflow';
  const out = new Uint8Array(total);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

function entryBytes(bytes: Uint8Array, entry: CentralEntry): Uint8Array | 'overflow' | 'damaged' {
  const start = dataOffset(bytes, entry);
  if (start === null) return 'damaged';
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return entry.compressedSize === entry.size ? data : 'damaged';
  const out = inflateCapped(data, entry.size);
  // More output than the directory declared is a lying header: the archive is not what it says it is.
  if (out === 'overflow') return 'damaged';
  return out !== 'damaged' && out.length !== entry.size ? 'damaged' : out;
}

/**
 * Lists and decompresses a zip's files under the limits (maxZipEntries, maxZipBytes). Refuses the archive
 * (input.unsafePath) when any entry escapes its folder or is a link, and (input.tooLarge) when it has too
 * many entries or would inflate past the limit — checked on the declared sizes before inflating, and on the
 * real output while inflating. Encrypted entries and unknown methods are skipped with a warning.
 */
export function readZip(bytes: Uint8Array, limits: Limits): Result<ZipContents, InputError> {
  const dir = readCentralDirectory(bytes);
  if ('error' in dir) {
    return err(dir.error === 'zip64' ? { code: 'input.tooLarge', params: { limit: limits.maxZipBytes } } : { code: 'input.damaged' });
  }
  if (dir.entries.length > limits.maxZipEntries) return err({ code: 'input.tooLarge', params: { limit: limits.maxZipEntries } });
  const files: InputFile[] = [];
  const warnings: InputWarning[] = [];
  const planned: Array<{ path: string; entry: CentralEntry }> = [];
  let declared = 0;
  for (const entry of dir.entries) {
    const path = safeEntryPath(entry.rawName);
    if (path === null || entry.isLink) return err({ code: 'input.unsafePath', params: { entry: entry.rawName.slice(0, 200) } });
    if (/[/\\]$/.test(entry.rawName) || path === '') continue; // a folder
    if (entry.encrypted) {
      warnings.push({ code: 'zip.encryptedEntry', params: { entry: path } });
      continue;
    }
    if (entry.method !== 0 && entry.method !== 8) {
      warnings.push({ code: 'zip.unsupportedMethod', params: { entry: path, method: entry.method } });
      continue;
    }
    // One entry larger than a single input may be is refused before it is inflated, not after.
    if (entry.size > limits.maxFileBytes) return err({ code: 'input.tooLarge', params: { limit: limits.maxFileBytes } });
    declared += entry.size;
    if (declared > limits.maxZipBytes) return err({ code: 'input.tooLarge', params: { limit: limits.maxZipBytes } });
    planned.push({ path, entry });
  }
  for (const { path, entry } of planned) {
    const out = entryBytes(bytes, entry);
    if (out === 'overflow') return err({ code: 'input.tooLarge', params: { limit: limits.maxZipBytes } });
    if (out === 'damaged') {
      warnings.push({ code: 'zip.damagedEntry', params: { entry: path } });
      continue;
    }
    files.push({ name: path, bytes: out });
  }
  return ok({ files, warnings });
}
