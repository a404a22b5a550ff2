import type { ReadAllResult } from '../../../shared/engine/read-inputs';
import type { ReadThread, ReadThreads, ThreadReadOptions, ThreadReply } from '../../../shared/engine/parallel-read';
import { isDeferred, type AnyInput } from '../../../shared/model/input';
import type { BlobInput } from './blob-input';

/** Analysis worker → reader worker: read this file (its Blob crosses as a handle, not a copy). */
export interface BlobReadRequest {
  readonly id: number;
  readonly name: string;
  readonly blob: Blob;
  /** Carries this file's own password, if the admin typed one (parallelReadAll puts it there). */
  readonly options: ThreadReadOptions;
}

function isBlobInput(input: AnyInput): input is BlobInput {
  return isDeferred(input) && (input as Partial<BlobInput>).blob instanceof Blob;
}

/**
 * The app's reader threads: Web Workers started by the analysis worker (renderer/src/workers/read.worker.ts),
 * still inside the renderer sandbox. Scheduling is shared with the CLI's threads (shared/engine/parallel-read.ts).
 */
export function blobThreads(makeWorker: () => Worker): ReadThreads<BlobInput> {
  return { accepts: isBlobInput, spawn: () => webThread(makeWorker()) };
}

function webThread(worker: Worker): ReadThread<BlobInput> {
  let nextId = 1;
  let died = false;
  // What each waiting read does when the worker fails (a worker that runs out of memory is gone for good).
  const onDeath = new Set<() => void>();
  const die = (event: Event): void => {
    event.preventDefault();
    died = true;
    for (const settle of onDeath) settle();
    onDeath.clear();
  };
  worker.onerror = die;
  // A reply that cannot be deserialised would otherwise leave its read waiting for ever.
  worker.onmessageerror = die;
  return {
    read: (input, options, onFraction) =>
      new Promise<ReadAllResult | 'died'>((resolve) => {
        if (died) return resolve('died');
        const id = nextId++;
        const finish = (answer: ReadAllResult | 'died'): void => {
          worker.removeEventListener('message', onMessage);
          onDeath.delete(gone);
          resolve(answer);
        };
        const gone = (): void => finish('died');
        const onMessage = (event: MessageEvent<ThreadReply>): void => {
          const reply = event.data;
          if (reply.id !== id) return;
          if (reply.type === 'partial') onFraction(reply.fraction);
          else finish(reply.read);
        };
        onDeath.add(gone);
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, name: input.name, blob: input.blob, options } satisfies BlobReadRequest);
      }),
    close: () => worker.terminate(),
  };
}
