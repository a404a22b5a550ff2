import { Worker } from 'node:worker_threads';
import { readInputs, type ReadAll, type ReadAllResult } from '../../shared/engine/read-inputs';
import { inputSize, isDeferred, type AnyInput } from '../../shared/model/input';
import type { FileInput } from './file-input';
import { READER_ROLE, type ReadReply, type ReadRequest } from './read-worker';

function isFile(input: AnyInput): input is FileInput {
  return isDeferred(input) && typeof (input as Partial<FileInput>).path === 'string';
}

/**
 * Reads the files of an analysis on `jobs` threads at once, as ripgrep searches several files at once: a
 * folder of Exchange's 10 MB logs goes about `jobs` times faster. Each thread runs the same engine on one file
 * at a time; results come back in input order, so the report is the same as reading them one by one.
 * Inputs that are not files on disk (standard input) are read here. A thread that dies (out of memory) makes
 * its file damaged and is replaced.
 */
export function parallelReadAll(workerUrl: URL, jobs: number): ReadAll {
  return async (inputs, options, onRead, onPartial) => {
    const totalBytes = Math.max(options.totalBytes ?? 0, inputs.reduce((sum, input) => sum + inputSize(input), 0));
    const results = new Array<ReadAllResult>(inputs.length);
    const files: number[] = [];
    let done = 0;
    for (const [index, input] of inputs.entries()) {
      if (isFile(input)) files.push(index);
      else {
        results[index] = await readInputs([input], { ...options, totalBytes });
        onRead?.(++done, inputs.length);
      }
    }
    let next = 0;
    let inFlight = 0;
    const request = (index: number, id: number): ReadRequest => {
      const file = inputs[index] as FileInput;
      return { id, path: file.path, name: file.name, size: file.size, totalBytes, limits: options.limits, ...(options.password !== undefined ? { password: options.password } : {}) };
    };
    const thread = async (): Promise<void> => {
      let worker = spawn(workerUrl);
      try {
        while (next < files.length) {
          const index = files[next++] as number;
          inFlight++;
          const answer = await readOn(worker, request(index, index), (fraction) => {
            // A share of one file is only meaningful while it is the only one being read.
            if (inFlight === 1) onPartial?.(done, inputs.length, fraction);
          });
          inFlight--;
          if (answer === 'died') {
            void worker.terminate();
            worker = spawn(workerUrl);
          }
          results[index] = answer === 'died' ? damaged(inputs[index]?.name ?? '') : answer;
          onRead?.(++done, inputs.length);
        }
      } finally {
        await worker.terminate();
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, thread));
    return { outcomes: results.flatMap((r) => r.outcomes), evidence: results.flatMap((r) => r.evidence) };
  };
}

function spawn(url: URL): Worker {
  return new Worker(url, { workerData: { role: READER_ROLE } });
}

/** Sends one request and waits for its answer, or 'died' when the thread ends or fails first. */
function readOn(worker: Worker, request: ReadRequest, onFraction: (fraction: number) => void): Promise<ReadAllResult | 'died'> {
  return new Promise((resolve) => {
    const onMessage = (reply: ReadReply): void => {
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

function damaged(name: string): ReadAllResult {
  return { outcomes: [{ file: name, kind: null, status: 'rejected', items: 0, error: { code: 'input.damaged' } }], evidence: [] };
}
