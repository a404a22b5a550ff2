import { Inflate } from 'fflate';
import { err, ok, type Result } from '../result';
import { DamagedInputError, tooLargeBytes, tooManyItems, type ByteSource, type InputError, type InputFile, type InputWarning, type Limits } from '../model/input';
import { dataOffset, readCentralDirectory, type CentralEntry } from './central-directory';
import { safeEntryPath } from './safe-path';
import { excessiveRatio, overlappingEntries } from './bomb-checks';

export interface ZipContents {
  readonly files: readonly InputFile[];
  readonly warnings: readonly InputWarning[];
}

const CHUNK = 64 * 1024;
/**
 * Compressed bytes fed to the inflater at a time: one push inflates all it is given, so 8 KiB bounds the
 * output of a single step to ~8 MiB even at DEFLATE's maximum ratio, and a reader that has seen enough
 * stops inflation within that step.
 */
const COMPRESSED_STEP = 8 * 1024;

/**
 * Inflates at most `cap` bytes. Fed in COMPRESSED_STEP slices so a bomb is stopped after the slice that
 * crosses the cap (DEFLATE expands at most ~1032:1, so the overshoot is bounded) instead of after gigabytes.
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
    for (let i = 0; i < data.length && !overflow; i += COMPRESSED_STEP) {
      inflater.push(data.subarray(i, i + COMPRESSED_STEP), i + COMPRESSED_STEP >= data.length);
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

function entryBytes(bytes: Uint8Array, entry: CentralEntry): Uint8Array | 'damaged' {
  const start = dataOffset(bytes, entry);
  if (start === null) return 'damaged';
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return entry.compressedSize === entry.size ? data : 'damaged';
  const out = inflateCapped(data, entry.size);
  // More output than the directory declared is a lying header: the archive is not what it says it is.
  if (out === 'overflow') return 'damaged';
  return out !== 'damaged' && out.length !== entry.size ? 'damaged' : out;
}

/** One file of a zip, inflated only when asked. */
export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  /** The whole entry, or 'damaged' when it does not inflate to its declared size. */
  bytes(): Uint8Array | 'damaged';
  /** The entry inflated in pieces (a DeferredInput's pieces); throws DamagedInputError on a lying header. */
  readonly pieces: ByteSource;
}

/**
 * Lists a zip's files under the limits (maxZipEntries, maxZipBytes) without inflating any. Refuses the archive
 * (input.unsafePath) when any entry escapes its folder or is a link, and (input.tooLarge) when it has too
 * many entries or would inflate past the limit — checked on the declared sizes; each entry's real output is
 * held to its declared size while it inflates. Refuses (input.zipBomb) entries whose data overlap and
 * compression ratios past ZIP_BOMB_LIMITS (bomb-checks.ts). Encrypted entries and unknown methods are skipped
 * with a warning.
 */
export function listZip(bytes: Uint8Array, limits: Limits): Result<{ entries: ZipEntry[]; warnings: InputWarning[] }, InputError> {
  const dir = readCentralDirectory(bytes);
  if ('error' in dir) {
    return err(dir.error === 'zip64' ? tooLargeBytes(limits.maxZipBytes) : { code: 'input.damaged' });
  }
  if (dir.entries.length > limits.maxZipEntries) return err(tooManyItems('entries', limits.maxZipEntries));
  const overlap = overlappingEntries(bytes, dir.entries, dir.directoryOffset);
  if (overlap) return err(overlap);
  const entries: ZipEntry[] = [];
  const warnings: InputWarning[] = [];
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
    if (entry.size > limits.maxFileBytes) return err(tooLargeBytes(limits.maxFileBytes));
    declared += entry.size;
    if (declared > limits.maxZipBytes) return err(tooLargeBytes(limits.maxZipBytes));
    entries.push({ name: path, size: entry.size, bytes: () => entryBytes(bytes, entry), pieces: entryPieces(bytes, entry) });
  }
  // After the size limits, so an archive that is simply too large is still reported as such.
  const ratio = excessiveRatio(dir.entries, bytes.length);
  if (ratio) return err(ratio);
  return ok({ entries, warnings });
}

/** The entry's data inflated in 64 KiB steps and handed on as it comes, never past its declared size. */
function entryPieces(bytes: Uint8Array, entry: CentralEntry): ByteSource {
  return (visit) => {
    const start = dataOffset(bytes, entry);
    if (start === null) throw new DamagedInputError();
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new DamagedInputError();
      for (let i = 0; i < data.length; i += CHUNK) if (visit(data.subarray(i, i + CHUNK)) === false) return;
      return;
    }
    let total = 0;
    let stop = false;
    const inflater = new Inflate((chunk) => {
      if (stop) return;
      total += chunk.length;
      // More output than the directory declared is a lying header: the archive is not what it says it is.
      if (total > entry.size) throw new DamagedInputError();
      if (visit(chunk) === false) stop = true;
    });
    try {
      for (let i = 0; i < data.length && !stop; i += COMPRESSED_STEP) inflater.push(data.subarray(i, i + COMPRESSED_STEP), i + COMPRESSED_STEP >= data.length);
    } catch (e) {
      throw e instanceof DamagedInputError ? e : new DamagedInputError();
    }
    if (!stop && total !== entry.size) throw new DamagedInputError();
  };
}

/**
 * Lists and decompresses a zip's files at once (listZip, then every entry inflated); an entry that does not
 * inflate is skipped with a warning. The engine's zip reader hands out the entries lazily instead.
 */
export function readZip(bytes: Uint8Array, limits: Limits): Result<ZipContents, InputError> {
  const listed = listZip(bytes, limits);
  if (!listed.ok) return listed;
  const files: InputFile[] = [];
  const warnings = [...listed.value.warnings];
  for (const entry of listed.value.entries) {
    const out = entry.bytes();
    if (out === 'damaged') warnings.push({ code: 'zip.damagedEntry', params: { entry: entry.name } });
    else files.push({ name: entry.name, bytes: out });
  }
  return ok({ files, warnings });
}
