/// <reference lib="webworker" />
import { serveRead } from '../../../shared/engine/parallel-read';
import { deferredBlob, fileReaderSync } from '../lib/blob-input';
import type { BlobReadRequest } from '../lib/blob-threads';

/**
 * A reader thread of the analysis worker: reads one file at a time with the same engine and readers, on
 * another core. The Blob arrives as a handle and is read here in pieces (FileReaderSync), like in the
 * analysis worker itself; only the evidence read goes back.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const syncReader = fileReaderSync();

scope.onmessage = (event: MessageEvent<BlobReadRequest>) => {
  const { id, name, blob, options } = event.data;
  void serveRead(id, deferredBlob(name, blob, syncReader), options, (reply) => scope.postMessage(reply));
};
