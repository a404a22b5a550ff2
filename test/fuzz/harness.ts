import type { Reader } from '../../shared/model/reader';
import type { InputErrorCode, Limits } from '../../shared/model/input';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { READERS } from '../../shared/engine/readers';
import { dictionaryFor } from './dictionaries';
import { generate, mutate } from './mutators';
import { rngFor } from './prng';
import type { Seed } from './seeds';

export { READERS, DEFAULT_LIMITS };
export { collectSeeds } from './seeds';

/** The password of the PKCS#12 fixtures: given to most PFX cases so the decryption paths are reached. */
const FIXTURE_PASSWORD = 'Relay-Doctor-1';

const INPUT_CODES: ReadonlySet<InputErrorCode> = new Set<InputErrorCode>([
  'input.unrecognized',
  'input.damaged',
  'input.tooLarge',
  'input.passwordRequired',
  'input.passwordWrong',
  'input.unsafeXml',
  'input.tooDeep',
  'input.unsafePath',
  'input.unreadable',
]);

export interface FuzzCase {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly password?: string;
  /** How the case was made: seed origin and mutation names. */
  readonly recipe: string;
}

export interface Failure {
  readonly kind: 'threw' | 'slow' | 'badResult';
  readonly detail: string;
  readonly ms: number;
}

/**
 * Reader-specific touch-ups after mutating. .evtx chunks carry CRC-32s, so nearly every mutation is caught by
 * the checksum before the BinXML parser sees it; flagging chunk 0 as written without checksums (flag 0x4)
 * lets half the cases reach the parser with damaged records, where the interesting bugs live.
 */
const AFTER: Readonly<Record<string, (bytes: Uint8Array, flip: boolean) => Uint8Array>> = {
  'eventlog.evtx': (bytes, flip) => {
    if (flip && bytes.length > 4096 + 120) bytes[4096 + 120] = 0x04;
    return bytes;
  },
};

/** Case `index` of `reader` in the run seeded `seed`: the same three numbers always make the same bytes. */
export function makeCase(readerId: string, seeds: readonly Seed[], seed: number, index: number): FuzzCase {
  const rng = rngFor(seed, readerId, index);
  const ctx = { rng, others: seeds.map((s) => s.bytes), dictionary: dictionaryFor(readerId) };
  const password = readerId === 'x509.pkcs12' && rng.chance(0.7) ? { password: FIXTURE_PASSWORD } : {};
  // One case in ten is made from nothing; the rest mutate a real file.
  if (seeds.length === 0 || rng.chance(0.1)) {
    const g = generate(ctx);
    const name = seeds.length ? rng.pick(seeds).name : 'input.bin';
    return { name, bytes: g.bytes, recipe: `generated ${g.steps.join('+')}`, ...password };
  }
  const base = rng.pick(seeds);
  const m = mutate(base.bytes, ctx);
  const after = AFTER[readerId];
  const bytes = after ? after(m.bytes === base.bytes ? m.bytes.slice() : m.bytes, rng.chance(0.5)) : m.bytes;
  return { name: base.name, bytes, recipe: `${base.origin} ${m.steps.join('+')}`, ...password };
}

function shapeProblem(r: unknown): string | null {
  if (!r || typeof r !== 'object' || !('ok' in r) || typeof r.ok !== 'boolean') return 'read() did not resolve to a Result';
  if (!r.ok) {
    const code = 'error' in r && r.error && typeof r.error === 'object' && 'code' in r.error ? r.error.code : undefined;
    return INPUT_CODES.has(code as InputErrorCode) ? null : `error code ${String(code)} is not an input.* code`;
  }
  const v = 'value' in r ? (r.value as { evidence?: unknown; items?: unknown; children?: unknown }) : undefined;
  if (!v || !Array.isArray(v.evidence)) return 'value.evidence is not an array';
  if (typeof v.items !== 'number' || !Number.isFinite(v.items) || v.items < 0) return `items is ${String(v.items)}`;
  if (v.children !== undefined && !Array.isArray(v.children)) return 'children is not an array';
  for (const child of (v.children ?? []) as Array<Record<string, unknown>>) {
    const loaded = child.bytes instanceof Uint8Array;
    const deferred = typeof child.size === 'number' && typeof child.load === 'function';
    if (typeof child.name !== 'string' || (!loaded && !deferred)) return 'a child is neither bytes nor a deferred input';
  }
  try {
    // Evidence crosses the worker and IPC boundaries; it must survive structured cloning. Children (a zip's
    // entries) are inputs the same engine reads next, in the same thread: deferred ones carry functions.
    structuredClone({ ...r, value: { ...v, children: undefined } });
  } catch (e) {
    return `result cannot be structured-cloned: ${String(e)}`;
  }
  return null;
}

/**
 * Time allowed per MiB of input on top of the fixed bound: the slowest reader (.eml through postal-mime, which
 * joins every body line through a Blob) reads about 0.5–1 MiB/s here, and cases go up to 4 MiB.
 */
export const MS_PER_MIB = 2500;

/** The bound for one case: `boundMs`, plus MS_PER_MIB for each MiB of input. */
export const boundFor = (c: FuzzCase, boundMs: number): number => boundMs + (c.bytes.length / 1048576) * MS_PER_MIB;

/** The invariant: a Result (a value or an input.* error) within the bound, and never a throw. */
export async function checkCase(reader: Reader, c: FuzzCase, boundMs: number, limits: Limits = DEFAULT_LIMITS): Promise<Failure | null> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let result: unknown;
  try {
    result = await reader.read({ name: c.name, bytes: c.bytes }, { limits, ...(c.password ? { password: c.password } : {}) });
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
    return { kind: 'threw', detail, ms: performance.now() - t0 };
  }
  // Wall time on a shared machine counts the neighbours' work too; process CPU time counts other threads of
  // this process. Both over-state the case's own cost, so the smaller of the two is judged.
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const ms = Math.min(wall, (used.user + used.system) / 1000);
  const problem = shapeProblem(result);
  if (problem) return { kind: 'badResult', detail: problem, ms };
  const bound = boundFor(c, boundMs);
  if (ms > bound) return { kind: 'slow', detail: `took ${ms.toFixed(0)} ms for ${c.bytes.length} bytes (bound ${bound.toFixed(0)} ms)`, ms };
  return null;
}
