import type { Rng } from './prng';

/** No case grows past this: big enough for "huge" within one case, small enough for 100,000 of them. */
export const MAX_CASE_BYTES = 4 * 1024 * 1024;

export interface MutationContext {
  readonly rng: Rng;
  /** Other seeds of the same reader, for splicing. */
  readonly others: readonly Uint8Array[];
  /** Tokens that mean something to this reader's format (tags, field names, DER tags …). */
  readonly dictionary: readonly Uint8Array[];
}

type Mutator = (bytes: Uint8Array, ctx: MutationContext) => Uint8Array;

const INTERESTING_8 = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x0d, 0x3c, 0x22];
const INTERESTING_32 = [0xffffffff, 0x7fffffff, 0x80000000, 0x0000ffff, 0x00010000, 0x40000000, 0x00100000];

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = Math.min(MAX_CASE_BYTES, parts.reduce((n, p) => n + p.length, 0));
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    if (at >= total) break;
    const take = p.subarray(0, total - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.u32() & 0xff;
  return out;
}

/** A position that is probably a length: a DER long-form length byte, else anywhere. */
function lengthPosition(bytes: Uint8Array, rng: Rng): number {
  if (rng.chance(0.6)) {
    for (let tries = 0; tries < 32; tries++) {
      const i = rng.int(bytes.length);
      const b = bytes[i] ?? 0;
      if (b >= 0x81 && b <= 0x84 && i + 1 < bytes.length) return i;
    }
  }
  return rng.int(bytes.length);
}

/** The mutations, named so a crasher's report says how it was made. */
export const MUTATORS: Readonly<Record<string, Mutator>> = {
  bitFlip(bytes, { rng }) {
    const out = bytes.slice();
    for (let n = 1 + rng.int(8); n > 0 && out.length; n--) {
      const i = rng.int(out.length);
      out[i] = (out[i] ?? 0) ^ (1 << rng.int(8));
    }
    return out;
  },
  byteSet(bytes, { rng }) {
    const out = bytes.slice();
    for (let n = 1 + rng.int(8); n > 0 && out.length; n--) out[rng.int(out.length)] = rng.chance(0.5) ? rng.pick(INTERESTING_8) : rng.u32() & 0xff;
    return out;
  },
  truncate(bytes, { rng }) {
    if (bytes.length === 0) return bytes;
    const end = rng.int(bytes.length);
    return rng.chance(0.2) ? bytes.slice(rng.int(end + 1), end) : bytes.slice(0, end);
  },
  splice(bytes, { rng, others }) {
    const other = others.length ? rng.pick(others) : randomBytes(rng, 256);
    return concat([bytes.subarray(0, rng.int(bytes.length + 1)), other.subarray(rng.int(other.length + 1))]);
  },
  /** Length fields claiming far more (or less) than is there: DER lengths, chunk sizes, offsets, counts. */
  inflateLength(bytes, { rng }) {
    if (bytes.length < 2) return bytes;
    const out = bytes.slice();
    const i = lengthPosition(out, rng);
    const b = out[i] ?? 0;
    if (b >= 0x81 && b <= 0x84) {
      const n = b & 0x0f;
      for (let k = 1; k <= n && i + k < out.length; k++) out[i + k] = rng.chance(0.7) ? 0xff : rng.u32() & 0xff;
      return out;
    }
    const v = rng.pick(INTERESTING_32);
    const view = new DataView(out.buffer);
    if (i + 4 <= out.length) view.setUint32(i, v, rng.chance(0.5));
    else if (i + 2 <= out.length) view.setUint16(i, v & 0xffff, rng.chance(0.5));
    return out;
  },
  /** A block repeated many times: deep nesting when the block opens an element, long runs, big files. */
  repeatBlock(bytes, { rng }) {
    if (bytes.length === 0) return bytes;
    const start = rng.int(bytes.length);
    const block = bytes.subarray(start, start + 1 + rng.int(Math.min(512, bytes.length - start)));
    const times = rng.chance(0.1) ? 1 + rng.int(20_000) : 2 + rng.int(64);
    const parts: Uint8Array[] = [bytes.subarray(0, start)];
    for (let t = 0; t < times && parts.length * block.length < MAX_CASE_BYTES; t++) parts.push(block);
    parts.push(bytes.subarray(start));
    return concat(parts);
  },
  insertRandom(bytes, { rng }) {
    const at = rng.int(bytes.length + 1);
    return concat([bytes.subarray(0, at), randomBytes(rng, 1 + rng.int(64)), bytes.subarray(at)]);
  },
  deleteBlock(bytes, { rng }) {
    if (bytes.length === 0) return bytes;
    const at = rng.int(bytes.length);
    return concat([bytes.subarray(0, at), bytes.subarray(at + 1 + rng.int(Math.min(4096, bytes.length - at)))]);
  },
  insertToken(bytes, { rng, dictionary }) {
    if (dictionary.length === 0) return bytes;
    const at = rng.int(bytes.length + 1);
    const token = rng.pick(dictionary);
    const times = rng.chance(0.2) ? 1 + rng.int(1000) : 1;
    const parts: Uint8Array[] = [bytes.subarray(0, at)];
    for (let t = 0; t < times; t++) parts.push(token);
    parts.push(bytes.subarray(at));
    return concat(parts);
  },
};

const NAMES = Object.keys(MUTATORS);

/** Applies 1–4 stacked mutations (havoc), returning the bytes and the names of what was done. */
export function mutate(seed: Uint8Array, ctx: MutationContext): { bytes: Uint8Array; steps: string[] } {
  let bytes = seed;
  const steps: string[] = [];
  for (let n = 1 + ctx.rng.int(4); n > 0; n--) {
    const name = ctx.rng.pick(NAMES);
    const mutator = MUTATORS[name];
    if (!mutator) continue;
    bytes = mutator(bytes, ctx);
    steps.push(name);
  }
  return { bytes, steps };
}

/** Inputs made from nothing: random bytes, or a soup of the format's own tokens and random bytes. */
export function generate(ctx: MutationContext): { bytes: Uint8Array; steps: string[] } {
  const { rng, dictionary } = ctx;
  if (dictionary.length === 0 || rng.chance(0.3)) return { bytes: randomBytes(rng, rng.int(4096)), steps: ['randomBytes'] };
  const parts: Uint8Array[] = [];
  for (let n = rng.int(200); n > 0; n--) parts.push(rng.chance(0.8) ? rng.pick(dictionary) : randomBytes(rng, 1 + rng.int(8)));
  return { bytes: concat(parts), steps: ['tokenSoup'] };
}
