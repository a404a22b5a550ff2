/// <reference lib="webworker" />
import { runAnalysis } from '../../../shared/engine/run';
import { inferAnswers } from '../../../shared/questions/infer';
import { indexAnchors } from '../../../shared/x509/chain/anchors';
import type { PrepareMessage, RunMessage, WorkerMessage } from '../lib/analysis-protocol';

/**
 * Untrusted files are parsed here, off the UI thread and inside the renderer sandbox (style.md §3.2).
 * Cancelling is the UI terminating this worker, so no cancel message is needed.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<RunMessage | PrepareMessage>) => {
  if (event.data.type === 'prepare') {
    // Decoded anchors are cached by content inside shared/x509, so every later analysis skips this work.
    indexAnchors(event.data.trustAnchors);
    return;
  }
  const { id, inputs, options } = event.data;
  const bytes = inputs.reduce((sum, input) => sum + input.buffer.byteLength, 0);
  post({ type: 'progress', id, phase: 'reading', files: inputs.length, bytes });
  try {
    const { report, evidence, analysis } = await runAnalysis(
      inputs.map((input) => ({ name: input.name, bytes: new Uint8Array(input.buffer) })),
      {
        locale: options.locale,
        now: new Date(options.nowIso),
        trustAnchors: options.trustAnchors,
        answers: options.answers,
      },
    );
    post({ type: 'done', id, outcome: { report, inferred: inferAnswers(evidence, analysis.findings) } });
  } catch {
    // Readers return errors as values; reaching here means an engine bug. The UI shows a generic failure
    // and keeps the evidence list so the user can retry or export what they have.
    post({ type: 'failed', id, code: 'ui.analysis.failed' });
  }
};
