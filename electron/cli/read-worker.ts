import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { serveRead, type ThreadReadOptions } from '../../shared/engine/parallel-read';
import { deferredFile } from './file-input';

/** Main thread → reader thread: read this file as part of an analysis of `totalBytes`. */
export interface ReadRequest extends ThreadReadOptions {
  readonly id: number;
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

/** What the main thread puts in workerData, so that only a thread started as a reader serves reads. */
export const READER_ROLE = 'relay-doctor-reader';

/** Answers read requests one at a time: the same engine, the same readers, only on another core. */
export function serveReads(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  port.on('message', (request: ReadRequest) => {
    const { id, path, name, size, ...options } = request;
    void serveRead(id, deferredFile(path, name, size), options, (reply) => port.postMessage(reply));
  });
}

if (parentPort && (workerData as { role?: string } | null)?.role === READER_ROLE) serveReads(parentPort);
