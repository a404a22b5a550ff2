import { runAnalysis, type RunOptions, type RunResult } from '../../../shared/engine/run';
import { buildSwitchOverPack } from '../../../shared/switchover';
import type { PreflightReport } from '../../../shared/preflight/types';
import { runRenewal } from './renewal-run';
import { inferAnswers } from '../../../shared/questions/infer';
import { buildFixPack } from '../../../shared/fixpack/build-fixpack';
import { resolveLocale } from '../../../shared/i18n/locales';
import type { Evidence } from '../../../shared/model/evidence';
import { aiaChildren, captureEvidence } from '../../../shared/network/capture';
import { readCaseTrust, trustOutcome } from './case-trust';
import type { Report } from '../../../shared/model/report';
import { err, ok } from '../../../shared/result';
import type { AnalysisRunner } from './analysis-protocol';
import { analysisBlob, blobBytes } from './blob-input';

/**
 * Runs the real engine on the calling thread. Used where Web Workers do not exist (jsdom component tests);
 * the app itself always uses the worker runner. Cancel can only discard the result here.
 */
export function createInlineRunner(): AnalysisRunner {
  let generation = 0;
  let last: { report: Report; evidence: readonly Evidence[] } | null = null;
  let lastRenewal: { preflight: PreflightReport; judged: RunResult } | null = null;
  return {
    async run(inputs, options, onProgress) {
      const mine = ++generation;
      const given = { files: inputs.length, bytes: blobBytes(inputs) };
      onProgress?.(given);
      try {
        const trust = await readCaseTrust(options.trustFiles);
        const runOptions: RunOptions = {
          locale: options.locale,
          now: new Date(options.nowIso),
          trustAnchors: options.trustAnchors,
          trustedRoots: trust.roots,
          answers: options.answers,
          augment: async () => (options.captures ?? []).map(captureEvidence),
          onProgress: (step) => onProgress?.({ ...given, step }),
        };
        const blobs = inputs.map((i) => analysisBlob(i));
        const name = options.newCertificate;
        const renewal = name && inputs.some((i) => i.name === name) ? await runRenewal(blobs, name, runOptions) : undefined;
        const { report, evidence, analysis } = renewal?.current ?? (await runAnalysis(blobs, runOptions));
        if (mine !== generation) return err({ code: 'ui.analysis.cancelled' });
        last = { report, evidence };
        lastRenewal = renewal?.preflight.ok ? { preflight: renewal.preflight.value, judged: renewal.judged } : null;
        const outcome = { report, inferred: inferAnswers(evidence, analysis.findings), aiaChildren: aiaChildren(evidence, report), ...trustOutcome(evidence, report, trust.unreadable) };
        return ok(renewal ? { ...outcome, preflight: renewal.preflight, ...(renewal.input ? { newCertificateInput: renewal.input } : {}) } : outcome);
      } catch {
        return err({ code: 'ui.analysis.failed' });
      }
    },
    async fixPack() {
      if (!last) return err({ code: 'ui.fixpack.noAnalysis' });
      const built = await buildFixPack({ report: last.report, evidence: last.evidence, locale: resolveLocale(last.report.locale) });
      return built.ok ? ok({ files: built.value.files, guide: built.value.guide }) : built;
    },
    async switchOverPack() {
      if (!lastRenewal) return err({ code: 'ui.fixpack.noAnalysis' });
      const { preflight, judged } = lastRenewal;
      const built = buildSwitchOverPack({ preflight, evidence: judged.evidence, chains: judged.report.chains, locale: resolveLocale(preflight.locale) });
      return built.ok ? ok({ files: built.value.files, guide: built.value.guide }) : err(built.error);
    },
    prepare() {
      // Same thread: the first analysis decodes the anchors itself.
    },
    cancel() {
      generation++;
    },
  };
}
