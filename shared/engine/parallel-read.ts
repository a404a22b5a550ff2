import { readInputs, rejectedOutcome, withOwnPassword, type ReadAll, type ReadAllResult } from './read-inputs';
import type { Reader, ReadOptions, ReadShare } from '../model/reader';
import { inputSize, type AnyInput, type DeferredInput } from '../model/input';
import { CrossLogFolder } from '../smtp/fold-across';
import { joinShares, readShare, sharePlan, SHARE_ABOVE_BYTES } from './read-shares';

/**
 * What a reader thread needs besides the input: the limits, the password, the size of the whole analysis. Only
 * the input's name and bytes cross to the thread, so `password` is the one for that input (its own, or the
 * analysis-wide one).
 */
export interface ThreadReadOptions {
  readonly totalBytes: number;
  readonly limits: ReadOptions['limits'];
  readonly password?: string;
  /** Read only this share of the input (a large .evtx split over threads, read-shares.ts). */
  readonly share?: ReadShare;
}

/** A thread's answer: the input read whole, or for a share the reader's plain data for joining (`share`). */
export interface ThreadResult extends ReadAllResult {
  readonly share?: unknown;
}

/** Reader thread → scheduler, whatever carries the messages. */
export type ThreadReply =
  | { readonly type: 'partial'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly read: ThreadResult };

/**
 * The reader thread's side: reads one input with the same engine and readers as the calling thread would, and
 * posts how far it is, then the result (plain data: it crosses threads by structured clone).
 */
export async function serveRead(id: number, input: DeferredInput, options: ThreadReadOptions, post: (reply: ThreadReply) => void): Promise<void> {
  const onFraction = (fraction: number): void => post({ type: 'partial', id, fraction });
  if (options.share) {
    // As readInputs paces a whole read: a hundred steps, not a message per 64 KiB chunk.
    let shown = 0;
    const onProgress = (fraction: number): void => {
      if (fraction - shown < 0.01) return;
      shown = fraction;
      onFraction(Math.min(1, fraction));
    };
    const share = await readShare(input, options.share, { ...options, onProgress });
    post({ type: 'done', id, read: { outcomes: [], evidence: [], share } });
    return;
  }
  // readInputs paces a read to a hundred steps of the input; across threads, steps of the whole analysis are
  // what a progress bar can show. A folder of a hundred 10 MB logs posted ten thousand partials otherwise (in a
  // Chromium trace of the app, 2 s of each reader worker's 23 s were spent in postMessage, mostly waiting).
  const step = partialStep(inputSize(input), options.totalBytes);
  let shown = 0;
  const read = await readInputs([input], options, undefined, undefined, (_done, _total, fraction) => {
    if (fraction - shown < step) return;
    shown = fraction;
    onFraction(fraction);
  });
  post({ type: 'done', id, read });
}

/**
 * The smallest step of one input's fraction a reader thread reports: half a percent of the whole analysis's
 * bytes, and never finer than readInputs' own 1 % of the input (a single large file keeps its hundred steps).
 */
export function partialStep(inputBytes: number, totalBytes: number): number {
  return Math.min(1, Math.max(0.01, totalBytes / Math.max(1, inputBytes) / 200));
}

/** One reader thread as the scheduler sees it, whatever the host runs it on (a Node worker thread, a Web Worker). */
export interface ReadThread<I extends AnyInput> {
  /** Reads one input there with the same engine; 'died' when the thread ended or failed before answering. */
  read(input: I, options: ThreadReadOptions, onFraction: (fraction: number) => void): Promise<ThreadResult | 'died'>;
  close(): void;
}

export interface ReadThreads<I extends AnyInput> {
  /** Whether an input can cross to a thread (a file on disk, a Blob); the others are read on the calling thread. */
  accepts(input: AnyInput): input is I;
  spawn(): ReadThread<I>;
}

/**
 * Reads the inputs of an analysis on `jobs` threads at once, as ripgrep searches several files at once: a folder
 * of Exchange's 10 MB logs goes about `jobs` times faster. Each thread runs the same engine on one input at a time;
 * results come back in input order, so the report is the same as reading them one by one. A thread that dies (out
 * of memory) makes its input damaged and is replaced; one bad file never spoils the others. An input above
 * `shareAboveBytes` whose reader can split it is read in shares on every thread at once and joined in order.
 */
export function parallelReadAll<I extends AnyInput>(threads: ReadThreads<I>, jobs: number, shareAboveBytes = SHARE_ABOVE_BYTES): ReadAll {
  return async (inputs, options, onRead, onPartial) => {
    const totalBytes = Math.max(options.totalBytes ?? 0, inputs.reduce((sum, input) => sum + inputSize(input), 0));
    const results = new Array<ReadAllResult>(inputs.length);
    // Results are folded across logs in input order as soon as every earlier one is in (fold-across.ts), so
    // identical sessions of different files are not all held until the end and the report is the one a
    // one-by-one read gives.
    const folder = new CrossLogFolder();
    let folded = 0;
    const settle = (index: number, result: ReadAllResult): void => {
      results[index] = result;
      for (let r = results[folded]; folded < inputs.length && r; r = results[++folded]) {
        results[folded] = { outcomes: r.outcomes, evidence: r.evidence.map((e) => folder.add(e, totalBytes)) };
      }
    };
    // Work for the threads: whole inputs, and the shares of large inputs whose reader can split them.
    const remote: Array<{ index: number; input: I; share?: ReadShare }> = [];
    const split = new Map<number, Split>();
    let done = 0;
    for (const [index, input] of inputs.entries()) {
      const plan = threads.accepts(input) ? sharePlan(input, jobs, shareAboveBytes) : null;
      // A lone input that is not split gains nothing from a thread: its evidence would only be copied back
      // (100 MB of CAPI2 events: 6.5 s here, 11 s through a thread).
      if (!threads.accepts(input) || (!plan && inputs.length === 1)) {
        const partial = onPartial && ((_done: number, _total: number, fraction: number) => onPartial(done, inputs.length, fraction));
        settle(index, await readInputs([input], { ...options, totalBytes }, undefined, undefined, partial));
        onRead?.(++done, inputs.length);
        continue;
      }
      if (!plan) remote.push({ index, input });
      else {
        split.set(index, { reader: plan.reader, parts: new Array<unknown>(plan.count), left: plan.count, fractions: new Array<number>(plan.count).fill(0) });
        for (let k = 0; k < plan.count; k++) remote.push({ index, input, share: { index: k, count: plan.count } });
      }
    }
    const threadOptions: ThreadReadOptions = { totalBytes, limits: options.limits, ...(options.password !== undefined ? { password: options.password } : {}) };
    let next = 0;
    // Inputs being read (by index) and how many of their shares are; how far through one is only meaningful
    // while it is the only input being read.
    const reading = new Map<number, number>();
    const serve = async (): Promise<void> => {
      let thread = threads.spawn();
      // Reads on this thread, replacing it when it dies.
      const readOn = async (input: I, given: ThreadReadOptions, onFraction: (fraction: number) => void): Promise<ThreadResult | 'died'> => {
        const answer = await thread.read(input, withOwnPassword(input, given), onFraction);
        if (answer === 'died') {
          thread.close();
          thread = threads.spawn();
        }
        return answer;
      };
      try {
        while (next < remote.length) {
          const { index, input, share } = remote[next++] as { index: number; input: I; share?: ReadShare };
          const shares = split.get(index);
          reading.set(index, (reading.get(index) ?? 0) + 1);
          const report = (fraction: number): void => {
            if (reading.size !== 1) return;
            if (!shares || !share) return onPartial?.(done, inputs.length, fraction);
            shares.fractions[share.index] = fraction;
            onPartial?.(done, inputs.length, shares.fractions.reduce((a, b) => a + b, 0) / share.count);
          };
          const answer = await readOn(input, share ? { ...threadOptions, share } : threadOptions, report);
          const left = (reading.get(index) ?? 1) - 1;
          if (left > 0) reading.set(index, left);
          else reading.delete(index);
          let result: ReadAllResult | null = answer === 'died' ? damaged(input.name) : answer;
          if (shares && share) {
            shares.parts[share.index] = answer === 'died' ? null : answer.share;
            if (--shares.left > 0) continue;
            // The last share is in: join them, or read the input whole when they cannot be joined exactly.
            result = joinShares(input.name, shares.reader, shares.parts, threadOptions);
            split.delete(index);
            if (!result) {
              const whole = await readOn(input, threadOptions, () => {});
              result = whole === 'died' ? damaged(input.name) : whole;
            }
          }
          settle(index, result);
          onRead?.(++done, inputs.length);
        }
      } finally {
        thread.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, remote.length) }, serve));
    return { outcomes: results.flatMap((r) => r.outcomes), evidence: results.flatMap((r) => r.evidence) };
  };
}

/** The shares of one input being read: its reader (which joins them), their results and progress. */
interface Split {
  readonly reader: Reader;
  readonly parts: unknown[];
  left: number;
  readonly fractions: number[];
}

function damaged(name: string): ReadAllResult {
  return { outcomes: [rejectedOutcome(name, { code: 'input.damaged' }).outcome], evidence: [] };
}
