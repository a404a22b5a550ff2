/// <reference lib="webworker" />
import { runAnalysis, type RunOptions } from '../../../shared/engine/run';
import { runRenewal } from '../lib/renewal-run';
import { inferAnswers } from '../../../shared/questions/infer';
import { indexAnchors } from '../../../shared/x509/chain/anchors';
import { buildFixPack } from '../../../shared/fixpack/build-fixpack';
import type { Evidence } from '../../../shared/model/evidence';
import { aiaChildren, captureEvidence } from '../../../shared/network/capture';
import { readCaseTrust, trustOutcome } from '../lib/case-trust';
import type { Report } from '../../../shared/model/report';
import { err } from '../../../shared/result';
import { resolveLocale } from '../../../shared/i18n/locales';
import { analysisBlob, blobBytes, fileReaderSync, type BlobInput } from '../lib/blob-input';
import { blobThreads } from '../lib/blob-threads';
import { parallelReadAll } from '../../../shared/engine/parallel-read';
import { SHARE_ABOVE_BYTES } from '../../../shared/engine/read-shares';
import type { ReadAll } from '../../../shared/engine/read-inputs';
import type { FixPackMessage, PrepareMessage, RunMessage, SwitchOverMessage, WorkerMessage } from '../lib/analysis-protocol';
import { buildSwitchOverPack } from '../../../shared/switchover';
import type { RunResult } from '../../../shared/engine/run';
import type { PreflightReport } from '../../../shared/preflight/types';

/**
 * Untrusted files are parsed here, off the UI thread and inside the renderer sandbox (style.md §3.2).
 * Cancelling is the UI terminating this worker, so no cancel message is needed. The evidence of the last
 * analysis stays here (it can be large) for the fix pack, which embeds intermediates from it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let last: { report: Report; evidence: readonly Evidence[] } | null = null;
/** The latest pre-flight and the run it judged (the renewal path), for the switch-over pack. */
let lastRenewal: { preflight: PreflightReport; judged: RunResult } | null = null;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

/** Reader workers pay off from two sizeable files up: starting one costs loading the engine once more. */
const THREADS_ABOVE_BYTES = 4 * 1024 * 1024;
const MAX_THREADS = 4;

/**
 * Files read on reader workers at once (a folder of Exchange's 10 MB logs goes about as many times faster as
 * there are cores), or undefined to read them here one after another. Same results either way.
 */
function readerThreads(inputs: readonly BlobInput[], bytes: number): ReadAll | undefined {
  const jobs = Math.min(MAX_THREADS, scope.navigator.hardwareConcurrency || 1);
  // One large file pays off too when its reader reads it in shares (a 1 GB .evtx on every core).
  const oneLarge = inputs.length === 1 && bytes > SHARE_ABOVE_BYTES;
  if (jobs < 2 || (inputs.length < 2 && !oneLarge) || bytes < THREADS_ABOVE_BYTES || typeof Worker === 'undefined') return undefined;
  return parallelReadAll(blobThreads(() => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: 'read' })), jobs);
}

async function run({ id, inputs, options }: RunMessage): Promise<void> {
  const bytes = blobBytes(inputs);
  const syncReader = fileReaderSync();
  post({ type: 'progress', id, phase: 'reading', files: inputs.length, bytes });
  try {
    const deferred = inputs.map((input) => analysisBlob(input, syncReader));
    const readAll = readerThreads(deferred, bytes);
    const trust = await readCaseTrust(options.trustFiles);
    const runOptions: RunOptions = {
      ...(readAll ? { readAll } : {}),
      locale: options.locale,
      now: new Date(options.nowIso),
      trustAnchors: options.trustAnchors,
      trustedRoots: trust.roots,
      answers: options.answers,
      augment: async () => (options.captures ?? []).map(captureEvidence),
      onProgress: (progress) => post({ type: 'engine', id, progress }),
    };
    // The renewal path: the pre-flight of the new certificate, and the findings of the current state.
    const name = options.newCertificate;
    const renewal = name && inputs.some((i) => i.name === name) ? await runRenewal(deferred, name, runOptions) : undefined;
    const { report, evidence, analysis } = renewal?.current ?? (await runAnalysis(deferred, runOptions));
    last = { report, evidence };
    lastRenewal = renewal?.preflight.ok ? { preflight: renewal.preflight.value, judged: renewal.judged } : null;
    const outcome = { report, inferred: inferAnswers(evidence, analysis.findings), aiaChildren: aiaChildren(evidence, report), ...trustOutcome(evidence, report, trust.unreadable) };
    post({ type: 'done', id, outcome: renewal ? { ...outcome, preflight: renewal.preflight, ...(renewal.input ? { newCertificateInput: renewal.input } : {}) } : outcome });
  } catch {
    // Readers return errors as values; reaching here means an engine bug. The UI shows a generic failure
    // and keeps the evidence list so the user can retry or export what they have.
    post({ type: 'failed', id, code: 'ui.analysis.failed' });
  }
}

async function fixPack({ id }: FixPackMessage): Promise<void> {
  if (!last) return post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.noAnalysis' }) });
  try {
    const built = await buildFixPack({ report: last.report, evidence: last.evidence, locale: resolveLocale(last.report.locale) });
    post({ type: 'fixpack', id, result: built.ok ? { ok: true, value: { files: built.value.files, guide: built.value.guide } } : built });
  } catch {
    post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.failed' }) });
  }
}

function switchOverPack({ id }: SwitchOverMessage): void {
  if (!lastRenewal) return post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.noAnalysis' }) });
  try {
    const { preflight, judged } = lastRenewal;
    const built = buildSwitchOverPack({ preflight, evidence: judged.evidence, chains: judged.report.chains, locale: resolveLocale(preflight.locale) });
    post({ type: 'fixpack', id, result: built.ok ? { ok: true, value: { files: built.value.files, guide: built.value.guide } } : err(built.error) });
  } catch {
    post({ type: 'fixpack', id, result: err({ code: 'ui.fixpack.failed' }) });
  }
}

scope.onmessage = (event: MessageEvent<RunMessage | PrepareMessage | FixPackMessage | SwitchOverMessage>) => {
  const message = event.data;
  // Decoded anchors are cached by content inside shared/x509, so every later analysis skips this work.
  if (message.type === 'prepare') indexAnchors(message.trustAnchors);
  else if (message.type === 'fixpack') void fixPack(message);
  else if (message.type === 'switchover') switchOverPack(message);
  else void run(message);
};
