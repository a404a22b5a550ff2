import { Worker } from 'node:worker_threads';
import type { ReadAll, ReadAllResult } from '../../shared/engine/read-inputs';
import { parallelReadAll, type ReadThread, type ThreadReadOptions, type ThreadReply } from '../../shared/engine/parallel-read';
import { isDeferred, type AnyInput } from '../../shared/model/input';
import type { FileInput } from './file-input';
import { READER_ROLE, type ReadRequest } from './read-worker';

function isFile(input: AnyInput): input is FileInput {
  return isDeferred(input) && typeof (input as Partial<FileInput>).path === 'string';
}

/**
 * Reads the files of an analysis on `jobs` Node worker threads running out/cli/read-worker.js (scheduling in
 * shared/engine/parallel-read.ts). A thread opens the file by its path, so no bytes cross on the way in;
 * standard input is read on the main thread.
 */
export function parallelFileReadAll(workerUrl: URL, jobs: number): ReadAll {
  return parallelReadAll({ accepts: isFile, spawn: () => nodeThread(workerUrl) }, jobs);
}

function nodeThread(url: URL): ReadThread<FileInput> {
  const worker = new Worker(url, { workerData: { role: READER_ROLE } });
  let nextId = 1;
  return {
    read: (file, options, onFraction) => readOn(worker, request(nextId++, file, options), onFraction),
    close: () => void worker.terminate(),
  };
}

function request(id: number, file: FileInput, options: ThreadReadOptions): ReadRequest {
  return { id, path: file.path, name: file.name, size: file.size, ...options };
}

/** Sends one request and waits for its answer, or 'died' when the thread ends or fails first. */
function readOn(worker: Worker, request: ReadRequest, onFraction: (fraction: number) => void): Promise<ReadAllResult | 'died'> {
  return new Promise((resolve) => {
    const onMessage = (reply: ThreadReply): void => {
      if (reply.id !== request.id) return;
      if (reply.type === 'partial') return onFraction(reply.fraction);
      finish(reply.read);
    };
    const onGone = (): void => finish('died');
    const finish = (answer: ReadAllResult | 'died'): void => {
      worker.off('message', onMessage).off('error', onGone).off('exit', onGone);
      resolve(answer);
    };
    worker.on('message', onMessage).on('error', onGone).on('exit', onGone);
    worker.postMessage(request);
  });
}
