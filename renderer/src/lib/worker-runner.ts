import { err, ok } from '../../../shared/result';
import { blobBytes } from './blob-input';
import type { TrustAnchor } from '../../../shared/model/analyzer';
import type { AppError, Result } from '../../../shared/result';
import type {
  AnalysisRunner,
  EngineProgress,
  FixPackMessage,
  FixPackView,
  SwitchOverMessage,
  PrepareMessage,
  RunMessage,
  WorkerMessage,
} from './analysis-protocol';

/**
 * Runs analyses in a Web Worker. Cancel terminates the worker (a parser stuck in a huge file cannot be
 * interrupted any other way) and the next run starts a fresh one.
 */
export function createWorkerRunner(makeWorker: () => Worker): AnalysisRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let anchors: readonly TrustAnchor[] | null = null;
  const fixPacks = new Map<number, (r: Result<FixPackView, AppError>) => void>();

  function dropWorker(): void {
    worker?.terminate();
    worker = null;
    // A new worker has no analysis to build a pack from; callers re-run the analysis first.
    for (const settle of fixPacks.values()) settle(err({ code: 'ui.fixpack.noAnalysis' }));
    fixPacks.clear();
  }
  let pending: {
    id: number;
    settle: (r: Awaited<ReturnType<AnalysisRunner['run']>>) => void;
    onProgress: ((p: EngineProgress) => void) | undefined;
    /** The first progress message's totals, repeated with each engine step. */
    given: { files: number; bytes: number };
  } | null = null;

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'fixpack') {
        fixPacks.get(message.id)?.(message.result);
        fixPacks.delete(message.id);
        return;
      }
      if (!pending || message.id !== pending.id) return;
      if (message.type === 'progress') {
        pending.given = { files: message.files, bytes: message.bytes };
        pending.onProgress?.(pending.given);
        return;
      }
      if (message.type === 'engine') {
        pending.onProgress?.({ ...pending.given, step: message.progress });
        return;
      }
      const { settle } = pending;
      pending = null;
      settle(message.type === 'done' ? ok(message.outcome) : err({ code: message.code }));
    };
    w.onerror = () => {
      const p = pending;
      pending = null;
      dropWorker();
      p?.settle(err({ code: 'ui.analysis.failed' }));
    };
    worker = w;
    // A worker restarted after Cancel warms up again before its first run.
    if (anchors) w.postMessage({ type: 'prepare', trustAnchors: anchors } satisfies PrepareMessage);
    return w;
  }

  return {
    run(inputs, options, onProgress) {
      // A newer run supersedes an older one: the old promise resolves as cancelled.
      if (pending) this.cancel();
      const id = nextId++;
      return new Promise((settle) => {
        pending = { id, settle, onProgress, given: { files: inputs.length, bytes: blobBytes(inputs) } };
        const message: RunMessage = { type: 'run', id, inputs, options };
        ensureWorker().postMessage(message);
      });
    },
    prepare(trustAnchors) {
      anchors = trustAnchors;
      if (worker) worker.postMessage({ type: 'prepare', trustAnchors } satisfies PrepareMessage);
      else ensureWorker();
    },
    fixPack() {
      if (!worker) return Promise.resolve(err({ code: 'ui.fixpack.noAnalysis' }));
      const id = nextId++;
      return new Promise((settle) => {
        fixPacks.set(id, settle);
        ensureWorker().postMessage({ type: 'fixpack', id } satisfies FixPackMessage);
      });
    },
    switchOverPack() {
      if (!worker) return Promise.resolve(err({ code: 'ui.fixpack.noAnalysis' }));
      const id = nextId++;
      // Answered as a fix pack is (a 'fixpack' message with this id).
      return new Promise((settle) => {
        fixPacks.set(id, settle);
        ensureWorker().postMessage({ type: 'switchover', id } satisfies SwitchOverMessage);
      });
    },
    cancel() {
      dropWorker();
      const p = pending;
      pending = null;
      p?.settle(err({ code: 'ui.analysis.cancelled' }));
    },
  };
}
