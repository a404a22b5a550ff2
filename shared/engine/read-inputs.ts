import type { Evidence, EvidenceKind } from '../model/evidence';
import type { InputError, InputFile, InputWarning } from '../model/input';
import type { Reader, ReadOptions } from './reader';
import { READERS } from './readers';

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

/**
 * Reads every input independently: one bad file never stops the others (findings.md). A container's entries
 * are read as inputs of their own, named `container/entry`.
 */
export async function readInputs(
  inputs: readonly InputFile[],
  options: ReadOptions,
  readers: readonly Reader[] = READERS,
  /** After each input (a container's entries count as inputs, so `total` grows when one is opened). */
  onRead?: (done: number, total: number) => void,
): Promise<ReadAllResult> {
  const outcomes: InputOutcome[] = [];
  const evidence: Evidence[] = [];
  const queue = [...inputs];
  for (let input = queue.shift(); input; input = queue.shift()) {
    const outcome = await readOne(input, options, readers);
    outcomes.push(outcome.outcome);
    evidence.push(...outcome.evidence);
    queue.unshift(...outcome.children);
    onRead?.(outcomes.length, outcomes.length + queue.length);
  }
  return { outcomes, evidence };
}

async function readOne(
  input: InputFile,
  options: ReadOptions,
  readers: readonly Reader[],
): Promise<{ outcome: InputOutcome; evidence: readonly Evidence[]; children: readonly InputFile[] }> {
  const rejected = (error: InputError, kind: InputOutcome['kind'] = null) => ({
    outcome: { file: input.name, kind, status: 'rejected' as const, items: 0, error },
    evidence: [],
    children: [],
  });
  if (input.bytes.byteLength > options.limits.maxFileBytes) {
    return rejected({ code: 'input.tooLarge', params: { limit: options.limits.maxFileBytes } });
  }
  const reader = pickReader(input, readers);
  if (!reader) return rejected({ code: 'input.unrecognized' });
  let result;
  try {
    result = await reader.read(input, options);
  } catch {
    // A reader must not throw; if one does, the input is damaged as far as the user is concerned and the
    // other inputs still get read. (Fuzz tests hunt these down.)
    return rejected({ code: 'input.damaged' }, reader.kind);
  }
  if (!result.ok) return rejected(result.error, reader.kind);
  const out = result.value;
  return {
    outcome: {
      file: input.name,
      kind: reader.kind,
      status: 'ok',
      items: out.items,
      ...(out.damaged ? { damaged: out.damaged } : {}),
      ...(out.warnings?.length ? { warnings: out.warnings } : {}),
    },
    evidence: out.evidence,
    children: (out.children ?? []).map((c) => ({ name: `${input.name}/${c.name}`, bytes: c.bytes })),
  };
}
