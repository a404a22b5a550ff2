import type { Evidence, EvidenceKind } from '../model/evidence';
import { DamagedInputError, inputSize, tooLargeBytes, isDeferred, type AnyInput, type ByteSource, type DeferredInput, type InputError, type InputFile, type InputWarning } from '../model/input';
import type { Reader, ReadOptions, ReadOutput } from '../model/reader';
import type { Result } from '../result';
import { headOf } from '../model/pieces';
import { READERS } from './readers';
import { CrossLogFolder } from '../smtp/fold-across';

/** The outcome of reading one input, before localisation. */
export interface InputOutcome {
  readonly file: string;
  readonly kind: EvidenceKind | 'container' | null;
  readonly status: 'ok' | 'rejected';
  readonly items: number;
  readonly damaged?: number;
  readonly warnings?: readonly InputWarning[];
  readonly error?: InputError;
}

export interface ReadAllResult {
  readonly outcomes: readonly InputOutcome[];
  readonly evidence: readonly Evidence[];
}

/** Picks the reader that is most sure about the input, or none. */
export function pickReader(input: InputFile, readers: readonly Reader[] = READERS): Reader | null {
  let best: Reader | null = null;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.sniff(input);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best;
}

/** readInputs' shape: a host may read the same inputs another way (the CLI spreads files over worker threads). */
export type ReadAll = (
  inputs: readonly AnyInput[],
  options: ReadOptions,
  onRead?: (done: number, total: number) => void,
  onPartial?: (done: number, total: number, fraction: number) => void,
) => Promise<ReadAllResult>;

/**
 * Reads every input independently: one bad file never stops the others (findings.md). A container's entries
 * are read as inputs of their own, named `container/entry`.
 */
export async function readInputs(
  inputs: readonly AnyInput[],
  options: ReadOptions,
  readers: readonly Reader[] = READERS,
  /** After each input (a container's entries count as inputs, so `total` grows when one is opened). */
  onRead?: (done: number, total: number) => void,
  /** While a large input is read: how far through it the reader is (at most every whole percent). */
  onPartial?: (done: number, total: number, fraction: number) => void,
): Promise<ReadAllResult> {
  const outcomes: InputOutcome[] = [];
  const evidence: Evidence[] = [];
  // Identical SMTP sessions of different logs are counted rather than kept, as each input arrives.
  const folder = new CrossLogFolder();
  // Inputs are taken one at a time and nothing keeps a read input's bytes: memory holds one file (or one
  // piece of a streamed one) plus the evidence read so far.
  const queue: AnyInput[] = [...inputs];
  // A caller reading a share of a larger analysis (one of several workers) says how large the whole is.
  let totalBytes = Math.max(options.totalBytes ?? 0, queue.reduce((sum, input) => sum + inputSize(input), 0));
  for (let input = queue.shift(); input; input = queue.shift()) {
    const done = outcomes.length;
    const total = done + 1 + queue.length;
    let shown = 0;
    const onProgress = onPartial
      ? (fraction: number) => {
          // Readers may report every 64 KB piece; a progress bar needs a hundred steps, not thousands of messages.
          if (fraction - shown < 0.01) return;
          shown = fraction;
          onPartial(done, total, Math.min(1, fraction));
        }
      : undefined;
    const outcome = await readOne(input, { ...options, totalBytes, ...(onProgress ? { onProgress } : {}) }, readers);
    outcomes.push(outcome.outcome);
    for (const item of outcome.evidence) evidence.push(folder.add(item, totalBytes));
    queue.unshift(...outcome.children);
    totalBytes += outcome.children.reduce((sum, child) => sum + inputSize(child), 0);
    onRead?.(outcomes.length, outcomes.length + queue.length);
  }
  return { outcomes, evidence };
}

/** A password typed for this input opens it rather than the analysis-wide one (the CLI's --password). */
export function withOwnPassword<O extends { readonly password?: string }>(input: AnyInput, options: O): O {
  return input.password !== undefined ? { ...options, password: input.password } : options;
}

type ReadOneResult = { outcome: InputOutcome; evidence: readonly Evidence[]; children: readonly AnyInput[] };

/** An input refused with `error`, and nothing read from it. */
export function rejectedOutcome(name: string, error: InputError, kind: InputOutcome['kind'] = null): ReadOneResult {
  return { outcome: { file: name, kind, status: 'rejected', items: 0, error }, evidence: [], children: [] };
}

async function readOne(input: AnyInput, given: ReadOptions, readers: readonly Reader[]): Promise<ReadOneResult> {
  const options = withOwnPassword(input, given);
  if (inputSize(input) > options.limits.maxFileBytes) {
    return rejectedOutcome(input.name, tooLargeBytes(options.limits.maxFileBytes));
  }
  if (!isDeferred(input)) return readLoaded(input, options, readers);
  if (input.pieces) {
    const judged = judgeByHead(input, input.pieces, readers);
    if ('outcome' in judged) return judged;
    // A small input whose head is all of it needs no second read (or second inflation).
    const small = input.size <= options.limits.streamAboveBytes && judged.head.byteLength === input.size;
    if (small) return readLoaded({ name: input.name, bytes: judged.head }, options, readers);
  }
  const streamed = await readStreamed(input, options, readers);
  if (streamed) return streamed;
  let bytes: Uint8Array;
  try {
    bytes = await input.load();
  } catch (e) {
    return unreadable(input.name, e);
  }
  return readLoaded({ name: input.name, bytes }, options, readers);
}

/** What an input is judged by before it is read whole: no reader's sniff looks further (issue 19 item 4). */
const JUDGE_BYTES = 1024 * 1024;

/**
 * Judges a deferred input from its first megabyte: one that no reader recognises is refused without being
 * read or inflated whole (300 MB of random bytes, a gigabyte of zeros in a zip). An input larger than that
 * must show its format in its content: a name alone (random bytes called SEND….LOG or x.cer) earns no
 * whole read. The head is returned for an input that passes.
 */
function judgeByHead(input: DeferredInput, pieces: ByteSource, readers: readonly Reader[]): { head: Uint8Array } | ReadOneResult {
  let head: Uint8Array;
  try {
    head = headOf(pieces, JUDGE_BYTES);
  } catch (e) {
    return unreadable(input.name, e);
  }
  const whole = head.byteLength >= input.size;
  if (pickReader({ name: whole ? input.name : '', bytes: head }, readers)) return { head };
  return rejectedOutcome(input.name, { code: 'input.unrecognized' });
}

/**
 * A large deferred input whose reader can take pieces is read that way (memory bounded by a piece); null when
 * it is small, has no pieces, or its reader cannot stream it (then it is loaded whole).
 */
async function readStreamed(input: DeferredInput, options: ReadOptions, readers: readonly Reader[]): Promise<ReadOneResult | null> {
  const pieces = input.pieces;
  if (!pieces || input.size <= options.limits.streamAboveBytes) return null;
  let head: Uint8Array;
  try {
    head = headOf(pieces);
  } catch (e) {
    return unreadable(input.name, e);
  }
  const reader = pickReader({ name: input.name, bytes: head }, readers);
  if (!reader?.stream?.accepts(head)) return null;
  // A piece that cannot be read (the file went away mid-read) makes the input unreadable, not damaged.
  let failure: unknown;
  const guarded: ByteSource = (visit) => {
    try {
      pieces(visit);
    } catch (e) {
      failure ??= e;
      throw e;
    }
  };
  const out = await settle(input.name, reader, () => reader.stream?.read({ name: input.name, size: input.size, head, pieces: guarded }, options));
  return failure === undefined ? out : unreadable(input.name, failure);
}

/** input.unreadable with the system's reason (an errno code such as ENOENT where there is one). */
function unreadable(name: string, e: unknown): ReadOneResult {
  if (e instanceof DamagedInputError) return rejectedOutcome(name, { code: 'input.damaged' });
  const code = (e as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  return rejectedOutcome(name, { code: 'input.unreadable', params: { reason } });
}

async function readLoaded(input: InputFile, options: ReadOptions, readers: readonly Reader[]): Promise<ReadOneResult> {
  const reader = pickReader(input, readers);
  if (!reader) return rejectedOutcome(input.name, { code: 'input.unrecognized' });
  return settle(input.name, reader, () => reader.read(input, options));
}

/** A reader's answer as an outcome; a reader that throws (it must not) makes its input damaged, not the run. */
async function settle(
  name: string,
  reader: Reader,
  read: () => Promise<Result<ReadOutput, InputError>> | undefined,
): Promise<ReadOneResult> {
  const rejected = (error: InputError, kind: InputOutcome['kind'] = null) => rejectedOutcome(name, error, kind);
  let result;
  try {
    result = await read();
    if (!result) return rejected({ code: 'input.damaged' }, reader.kind);
  } catch {
    // A reader must not throw; if one does, the input is damaged as far as the user is concerned and the
    // other inputs still get read. (Fuzz tests hunt these down.)
    return rejected({ code: 'input.damaged' }, reader.kind);
  }
  if (!result.ok) return rejected(result.error, reader.kind);
  const out = result.value;
  return {
    outcome: {
      file: name,
      kind: reader.kind,
      status: 'ok',
      items: out.items,
      ...(out.damaged ? { damaged: out.damaged } : {}),
      ...(out.warnings?.length ? { warnings: out.warnings } : {}),
    },
    evidence: out.evidence,
    // Spread keeps a deferred child's size, load and pieces; only the name gains the container's.
    children: (out.children ?? []).map((c) => ({ ...c, name: `${name}/${c.name}` })),
  };
}
