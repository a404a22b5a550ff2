/// <reference lib="webworker" />
import { serveRead } from '../../../shared/engine/parallel-read';
import { deferredBlob, fileReaderSync } from '../lib/blob-input';
import type { BlobReadRequest } from '../lib/blob-threads';
import { ReusedFileBuffer } from '../lib/reused-file-buffer';

/**
 * A reader thread of the analysis worker: reads one file at a time with the same engine and readers, on
 * another core. The Blob arrives as a handle; a file up to 16 MB is read whole into this thread's one reused
 * buffer, a larger one in pieces (FileReaderSync), as in the analysis worker itself; only the evidence read
 * goes back.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const syncReader = fileReaderSync();
const buffer = new ReusedFileBuffer();
/** Requests are served one after another: the buffer holds one file at a time. */
let served: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<BlobReadRequest>) => {
  const { id, name, blob, options } = event.data;
  served = served.then(async () => {
    const input = (await buffer.input(name, blob)) ?? deferredBlob(name, blob, syncReader);
    await serveRead(id, input, options, (reply) => scope.postMessage(reply));
  }).catch(() => undefined); // an engine bug in one read must not stop the next ones
};
