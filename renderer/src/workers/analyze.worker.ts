/// <reference lib="webworker" />
import { indexAnchors } from '../../../shared/x509/chain/anchors';
import { err } from '../../../shared/result';
import { analysisBlob, blobBytes, fileReaderSync, type BlobInput } from '../lib/blob-input';
import { blobThreads } from '../lib/blob-threads';
import { AnalysisSession } from '../lib/analysis-session';
import { parallelReadAll } from '../../../shared/engine/parallel-read';
import { SHARE_ABOVE_BYTES } from '../../../shared/engine/read-shares';
import type { ReadAll } from '../../../shared/engine/read-inputs';
import type { FixPackMessage, PrepareMessage, RunMessage, SwitchOverMessage, WorkerMessage } from '../lib/analysis-protocol';

/**
 * Untrusted files are parsed here, off the UI thread and inside the renderer sandbox (style.md §3.2).
 * Cancelling is the UI terminating this worker, so no cancel message is needed. The evidence of the last
 * analysis stays here (it can be large) for the fix pack, which embeds intermediates from it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The latest analysis and pre-flight, kept here for the fix and switch-over packs. */
const session = new AnalysisSession();

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

/** Reader workers pay off from two sizeable files up: starting one costs loading the engine once more. */
const THREADS_ABOVE_BYTES = 4 * 1024 * 1024;
const MAX_THREADS = 4;

/**
 * Files read on reader workers at once (a folder of Exchange's 10 MB logs goes about as many times faster as
 * there are cores), or undefined to read them here one after another. Same results either way.
 */
function readerThreads(inputs: readonly BlobInput[], bytes: number): ReadAll | undefined {
  const jobs = Math.min(MAX_THREADS, scope.navigator.hardwareConcurrency || 1);
  // One large file pays off too when its reader reads it in shares (a 1 GB .evtx on every core).
  const oneLarge = inputs.length === 1 && bytes > SHARE_ABOVE_BYTES;
  if (jobs < 2 || (inputs.length < 2 && !oneLarge) || bytes < THREADS_ABOVE_BYTES || typeof Worker === 'undefined') return undefined;
  return parallelReadAll(blobThreads(() => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: 'read' })), jobs);
}

async function run({ id, inputs, options }: RunMessage): Promise<void> {
  const bytes = blobBytes(inputs);
  const syncReader = fileReaderSync();
  post({ type: 'progress', id, phase: 'reading', files: inputs.length, bytes });
  try {
    const deferred = inputs.map((input) => analysisBlob(input, syncReader));
    const readAll = readerThreads(deferred, bytes);
    const done = await session.analyse(deferred, options, {
      ...(readAll ? { readAll } : {}),
      onProgress: (progress) => post({ type: 'engine', id, progress }),
    });
    done.keep();
    post({ type: 'done', id, outcome: done.outcome });
  } catch {
    // Readers return errors as values; reaching here means an engine bug. The UI shows a generic failure
    // and keeps the evidence list so the user can retry or export what they have.
    post({ type: 'failed', id, code: 'ui.analysis.failed' });
  }
}

async function fixPack({ id }: FixPackMessage): Promise<void> {
  try {
    post({ type: 'fixpack', id, result: await session.fixPack() });
  } catch {
    post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.failed' }) });
  }
}

function switchOverPack({ id }: SwitchOverMessage): void {
  try {
    post({ type: 'fixpack', id, result: session.switchOverPack() });
  } catch {
    post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.failed' }) });
  }
}

scope.onmessage = (event: MessageEvent<RunMessage | PrepareMessage | FixPackMessage | SwitchOverMessage>) => {
  const message = event.data;
  // Decoded anchors are cached by content inside shared/x509, so every later analysis skips this work.
  if (message.type === 'prepare') indexAnchors(message.trustAnchors);
  else if (message.type === 'fixpack') void fixPack(message);
  else if (message.type === 'switchover') switchOverPack(message);
  else void run(message);
};
