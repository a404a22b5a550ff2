import { readInputs, rejectedOutcome, withOwnPassword, type ReadAll, type ReadAllResult } from './read-inputs';
import type { ReadOptions } from './reader';
import { inputSize, type AnyInput, type DeferredInput } from '../model/input';
import { CrossLogFolder } from '../smtp/fold-across';

/**
 * What a reader thread needs besides the input: the limits, the password, the size of the whole analysis. Only
 * the input's name and bytes cross to the thread, so `password` is the one for that input (its own, or the
 * analysis-wide one).
 */
export interface ThreadReadOptions {
  readonly totalBytes: number;
  readonly limits: ReadOptions['limits'];
  readonly password?: string;
}

/** Reader thread → scheduler, whatever carries the messages. */
export type ThreadReply =
  | { readonly type: 'partial'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly read: ReadAllResult };

/**
 * The reader thread's side: reads one input with the same engine and readers as the calling thread would, and
 * posts how far it is, then the result (plain data: it crosses threads by structured clone).
 */
export async function serveRead(id: number, input: DeferredInput, options: ThreadReadOptions, post: (reply: ThreadReply) => void): Promise<void> {
  const read = await readInputs([input], options, undefined, undefined, (_done, _total, fraction) => post({ type: 'partial', id, fraction }));
  post({ type: 'done', id, read });
}

/** One reader thread as the scheduler sees it, whatever the host runs it on (a Node worker thread, a Web Worker). */
export interface ReadThread<I extends AnyInput> {
  /** Reads one input there with the same engine; 'died' when the thread ended or failed before answering. */
  read(input: I, options: ThreadReadOptions, onFraction: (fraction: number) => void): Promise<ReadAllResult | 'died'>;
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
 * of memory) makes its input damaged and is replaced; one bad file never spoils the others.
 */
export function parallelReadAll<I extends AnyInput>(threads: ReadThreads<I>, jobs: number): ReadAll {
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
    const remote: Array<{ index: number; input: I }> = [];
    let done = 0;
    for (const [index, input] of inputs.entries()) {
      if (threads.accepts(input)) remote.push({ index, input });
      else {
        settle(index, await readInputs([input], { ...options, totalBytes }));
        onRead?.(++done, inputs.length);
      }
    }
    const threadOptions: ThreadReadOptions = { totalBytes, limits: options.limits, ...(options.password !== undefined ? { password: options.password } : {}) };
    let next = 0;
    let inFlight = 0;
    const serve = async (): Promise<void> => {
      let thread = threads.spawn();
      try {
        while (next < remote.length) {
          const { index, input } = remote[next++] as { index: number; input: I };
          inFlight++;
          const answer = await thread.read(input, withOwnPassword(input, threadOptions), (fraction) => {
            // A share of one input is only meaningful while it is the only one being read.
            if (inFlight === 1) onPartial?.(done, inputs.length, fraction);
          });
          inFlight--;
          if (answer === 'died') {
            thread.close();
            thread = threads.spawn();
          }
          settle(index, answer === 'died' ? damaged(input.name) : answer);
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

function damaged(name: string): ReadAllResult {
  return { outcomes: [rejectedOutcome(name, { code: 'input.damaged' }).outcome], evidence: [] };
}
