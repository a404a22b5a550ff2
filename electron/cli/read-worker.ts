import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { readInputs, type ReadAllResult } from '../../shared/engine/read-inputs';
import type { Limits } from '../../shared/model/input';
import { deferredFile } from './file-input';

/** Main thread → reader thread: read this file as part of an analysis of `totalBytes`. */
export interface ReadRequest {
  readonly id: number;
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly totalBytes: number;
  readonly limits: Limits;
  readonly password?: string;
}

/** Reader thread → main thread. */
export type ReadReply =
  | { readonly type: 'partial'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly read: ReadAllResult };

/** What the main thread puts in workerData, so that only a thread started as a reader serves reads. */
export const READER_ROLE = 'relay-doctor-reader';

/** Answers read requests one at a time: the same engine, the same readers, only on another core. */
export function serveReads(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  port.on('message', (request: ReadRequest) => {
    void (async () => {
      const { id, path, name, size, totalBytes, limits, password } = request;
      const read = await readInputs([deferredFile(path, name, size)], { limits, totalBytes, ...(password !== undefined ? { password } : {}) }, undefined, undefined, (_d, _t, fraction) =>
        port.postMessage({ type: 'partial', id, fraction } satisfies ReadReply),
      );
      port.postMessage({ type: 'done', id, read } satisfies ReadReply);
    })();
  });
}

if (parentPort && (workerData as { role?: string } | null)?.role === READER_ROLE) serveReads(parentPort);
