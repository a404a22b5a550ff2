import type { InputError } from '../model/input';
import { dataOffset, type CentralEntry } from './central-directory';

/**
 * Zip bombs refused from the central directory, before a byte is inflated (issue 19 item 4).
 *
 * Overlap: in an honest archive every entry's local header and data sit apart, followed by the central
 * directory. Fifield's "better zip bomb" points thousands of entries at one shared deflate stream (612 KB
 * declaring 4 GB); entries whose spans overlap are refused, whatever sizes they declare.
 *
 * Ratio: DEFLATE expands at most ~1032:1. Logs, events and settings compress 5–50:1 and nearly empty event
 * logs a few hundred to one; a ratio past MAX_RATIO is a file of one repeated byte, made to fill memory
 * or time. Small entries and archives are exempt (the grace sizes): a few megabytes cannot hurt.
 * Each entry's real output is already held to its declared size as it inflates, so declared sizes bound it.
 */
export const ZIP_BOMB_LIMITS = {
  maxEntryRatio: 250,
  entryGraceBytes: 8 * 1024 * 1024,
  maxArchiveRatio: 250,
  archiveGraceBytes: 64 * 1024 * 1024,
} as const;

const bomb = (params: Record<string, string | number>): InputError => ({ code: 'input.zipBomb', params });

/** Refuses entries whose local header + data overlap each other or the central directory. */
export function overlappingEntries(bytes: Uint8Array, entries: readonly CentralEntry[], directoryOffset: number): InputError | null {
  const spans: { start: number; end: number; name: string }[] = [];
  for (const entry of entries) {
    const data = dataOffset(bytes, entry);
    // A missing local header or data past the end is damage, reported when the entry is read.
    if (data === null) continue;
    spans.push({ start: entry.localOffset, end: data + entry.compressedSize, name: entry.rawName });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    if ((next && span.end > next.start) || span.end > directoryOffset) {
      return bomb({ reason: 'overlap', entry: span.name.slice(0, 200) });
    }
  }
  return null;
}

/** Refuses an entry, or the archive as a whole, that would inflate past MAX_RATIO times its compressed size. */
export function excessiveRatio(entries: readonly CentralEntry[], archiveBytes: number): InputError | null {
  let declared = 0;
  for (const entry of entries) {
    declared += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > ZIP_BOMB_LIMITS.entryGraceBytes && ratio > ZIP_BOMB_LIMITS.maxEntryRatio) {
      return bomb({ reason: 'entryRatio', entry: entry.rawName.slice(0, 200), ratio: Math.round(ratio), limit: ZIP_BOMB_LIMITS.maxEntryRatio });
    }
  }
  const ratio = declared / Math.max(1, archiveBytes);
  if (declared > ZIP_BOMB_LIMITS.archiveGraceBytes && ratio > ZIP_BOMB_LIMITS.maxArchiveRatio) {
    return bomb({ reason: 'archiveRatio', ratio: Math.round(ratio), limit: ZIP_BOMB_LIMITS.maxArchiveRatio });
  }
  return null;
}
