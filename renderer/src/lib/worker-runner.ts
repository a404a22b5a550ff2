import { err, ok } from '../../../shared/result';
import type { AnalysisRunner, EngineProgress, RunMessage, WorkerMessage } from './analysis-protocol';

/**
 * Runs analyses in a Web Worker. Cancel terminates the worker (a parser stuck in a huge file cannot be
 * interrupted any other way) and the next run starts a fresh one.
 */
export function createWorkerRunner(makeWorker: () => Worker): AnalysisRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: {
    id: number;
    settle: (r: Awaited<ReturnType<AnalysisRunner['run']>>) => void;
    onProgress: ((p: EngineProgress) => void) | undefined;
  } | null = null;

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (!pending || message.id !== pending.id) return;
      if (message.type === 'progress') {
        pending.onProgress?.({ files: message.files, bytes: message.bytes });
        return;
      }
      const { settle } = pending;
      pending = null;
      settle(message.type === 'done' ? ok(message.outcome) : err({ code: message.code }));
    };
    w.onerror = () => {
      const p = pending;
      pending = null;
      worker?.terminate();
      worker = null;
      p?.settle(err({ code: 'ui.analysis.failed' }));
    };
    worker = w;
    return w;
  }

  return {
    run(inputs, options, onProgress) {
      // A newer run supersedes an older one: the old promise resolves as cancelled.
      if (pending) this.cancel();
      const id = nextId++;
      return new Promise((settle) => {
        pending = { id, settle, onProgress };
        const message: RunMessage = { type: 'run', id, inputs, options };
        ensureWorker().postMessage(message, inputs.map((i) => i.buffer));
      });
    },
    cancel() {
      worker?.terminate();
      worker = null;
      const p = pending;
      pending = null;
      p?.settle(err({ code: 'ui.analysis.cancelled' }));
    },
  };
}
