import { isDeferred, type AnyInput, type DeferredInput } from '../model/input';
import type { Reader, ReadOptions, ReadShare } from '../model/reader';
import { HEAD_BYTES, headOf } from '../model/pieces';
import { READERS } from './readers';
import { pickReader, rejectedOutcome, type ReadAllResult } from './read-inputs';

// One large file read by several threads at once, in shares its reader joins (Reader.stream.shares): a 1 GB
// .evtx on two cores. Used by the thread scheduler (parallel-read.ts).

/** Files above this size whose reader can split them are read in shares; below it a thread's start-up costs more than it saves. */
export const SHARE_ABOVE_BYTES = 16 * 1024 * 1024;

/** What a reader's shares.worthIt looks at: enough for an .evtx's file header and whole first chunk. */
export const SHARE_HEAD_BYTES = 128 * 1024;

/** How to read an input in shares on `jobs` threads: its reader and the share count, or null to read it whole. */
export function sharePlan(input: AnyInput, jobs: number, above = SHARE_ABOVE_BYTES, readers: readonly Reader[] = READERS): { reader: Reader; count: number } | null {
  if (jobs < 2 || !isDeferred(input) || !input.pieces || input.size <= above) return null;
  let head: Uint8Array;
  try {
    head = headOf(input.pieces, SHARE_HEAD_BYTES);
  } catch {
    return null; // unreadable: the whole read reports why
  }
  const reader = pickReader({ name: input.name, bytes: head.subarray(0, HEAD_BYTES) }, readers);
  const shares = reader?.stream?.accepts(head) ? reader.stream.shares : undefined;
  return reader && shares?.worthIt(head) ? { reader, count: jobs } : null;
}

/** A reader thread's side: reads one share of the input; null when it cannot (the input is then read whole, which reports why). */
export async function readShare(input: DeferredInput, share: ReadShare, options: ReadOptions, readers: readonly Reader[] = READERS): Promise<unknown> {
  const pieces = input.pieces;
  if (!pieces) return null;
  try {
    const head = headOf(pieces);
    const reader = pickReader({ name: input.name, bytes: head }, readers);
    const shares = reader?.stream?.accepts(head) ? reader.stream.shares : undefined;
    return shares ? await shares.read({ name: input.name, size: input.size, head, pieces }, share, options) : null;
  } catch {
    return null;
  }
}

/** The shares' results, in order, as readInputs reports the input read whole; null when they cannot be joined (read it whole). */
export function joinShares(name: string, reader: Reader, parts: readonly unknown[], options: ReadOptions): ReadAllResult | null {
  if (parts.some((p) => p === null || p === undefined)) return null;
  let joined;
  try {
    joined = reader.stream?.shares?.join(name, parts, options);
  } catch {
    return null;
  }
  if (!joined) return null;
  if (!joined.ok) return { outcomes: [rejectedOutcome(name, joined.error, reader.kind).outcome], evidence: [] };
  const out = joined.value;
  const outcome = {
    file: name,
    kind: reader.kind,
    status: 'ok' as const,
    items: out.items,
    ...(out.damaged ? { damaged: out.damaged } : {}),
    ...(out.warnings?.length ? { warnings: out.warnings } : {}),
  };
  return { outcomes: [outcome], evidence: out.evidence };
}
