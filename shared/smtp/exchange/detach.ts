import type { SmtpLine } from '../types';

/**
 * A deep copy of a finished session whose strings share no memory with the decoded chunk they were cut from
 * (see ownCopy). Same result as a JSON round trip (which drops undefined properties too) at a fraction of its
 * cost: the JSON round trip was the largest single frame on a 1 GB log.
 */
export function detachPlain<T>(value: T, pool?: Map<string, string>, refPrefix?: string): T {
  return copy(value, pool, true, undefined, refPrefix) as T;
}

/** Keys whose strings differ in every session (line references, times, ids): not worth pooling. */
const UNIQUE = new Set(['ref', 'refs', 'timestamp', 'sessionId', 'localEndpoint']);

/**
 * With a pool, equal strings of kept sessions (connector, remote host, certificate subject and issuer, replies
 * such as the 220 banner …) become one string: a log repeats them in every session, and on a 1 GB log the kept
 * sessions are most of the live heap.
 */
/**
 * A flat copy of a string. Shorter than 13 characters V8 never slices nor conses, so the string is its own
 * copy already; longer, a JSON round trip of the one string yields a flat string (text.ts `ownCopy` leaves a
 * sliced string over a flat copy, and line references built by a template stay cons strings: about twice the
 * memory, which on 1 GB logs is most of the live heap).
 */
function flat(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * A log line copied as an object literal of fixed shape: its properties sit inside the object. Built up one
 * key at a time, a line's fifth key onwards went to a separate property array, and lines are most of the
 * objects a gigabyte log keeps. Same keys in the same order as the line it copies.
 */
function copyLine(l: SmtpLine, pool: Map<string, string> | undefined, refPrefix: string | undefined): SmtpLine {
  const text = copy(l.text, pool, true) as string;
  // The collector's lines build their reference on demand and compaction's copies of them have none (draft.ts
  // RecordedLine): from `refPrefix` it is written from the line number, as the reader wrote every reference.
  const ref = flat(refPrefix === undefined ? l.ref : refPrefix + l.line);
  const { line, direction, kind, context, timestamp } = l;
  if (context !== undefined) {
    const c = copy(context, pool, true) as string;
    return timestamp !== undefined ? { line, ref, direction, kind, text, context: c, timestamp: flat(timestamp) } : { line, ref, direction, kind, text, context: c };
  }
  return timestamp !== undefined ? { line, ref, direction, kind, text, timestamp: flat(timestamp) } : { line, ref, direction, kind, text };
}

function copy(value: unknown, pool: Map<string, string> | undefined, share: boolean, key?: string, refPrefix?: string): unknown {
  if (key === 'lines' && Array.isArray(value)) return (value as SmtpLine[]).map((l) => copyLine(l, pool, refPrefix));
  if (typeof value === 'string') {
    if (!pool || !share) return flat(value);
    let kept = pool.get(value);
    if (kept === undefined) pool.set((kept = flat(value)), kept);
    return kept;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], pool, share);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copy(v, pool, share && !UNIQUE.has(key), key, refPrefix);
  }
  return out;
}
