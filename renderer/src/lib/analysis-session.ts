import { runAnalysis, type RunOptions, type RunResult } from '../../../shared/engine/run';
import { buildFixPack } from '../../../shared/fixpack/build-fixpack';
import { buildSwitchOverPack } from '../../../shared/switchover';
import type { PreflightReport } from '../../../shared/preflight/types';
import { inferAnswers } from '../../../shared/questions/infer';
import { resolveLocale } from '../../../shared/i18n/locales';
import type { Evidence } from '../../../shared/model/evidence';
import type { Report } from '../../../shared/model/report';
import { aiaChildren, captureEvidence } from '../../../shared/network/capture';
import { err, ok, type AppError, type Result } from '../../../shared/result';
import type { AnalysisOptions, AnalysisOutcome, FixPackView } from './analysis-protocol';
import type { BlobInput } from './blob-input';
import { readCaseTrust, trustOutcome } from './case-trust';
import { runRenewal } from './renewal-run';

/** What a finished analysis keeps for the packs, and the outcome the UI is given. */
export interface SessionAnalysis {
  readonly outcome: AnalysisOutcome;
  /** Makes this analysis the one the packs are built from (the runner skips it for a cancelled run). */
  keep(): void;
}

/**
 * One analysis host's state, shared by the analysis worker and the inline runner so both answer alike: the
 * latest run (for the fix pack, which embeds intermediates from its evidence) and the latest pre-flight with
 * the run it judged (for the switch-over pack). Where the evidence lives, so nothing large crosses threads.
 */
export class AnalysisSession {
  #last: { report: Report; evidence: readonly Evidence[] } | null = null;
  #lastRenewal: { preflight: PreflightReport; judged: RunResult } | null = null;

  /** The analysis (the renewal path's two when `options.newCertificate` names an input) and its outcome. */
  async analyse(
    inputs: readonly BlobInput[],
    options: AnalysisOptions,
    host: Pick<RunOptions, 'readAll' | 'onProgress'>,
  ): Promise<SessionAnalysis> {
    const trust = await readCaseTrust(options.trustFiles);
    const runOptions: RunOptions = {
      ...host,
      locale: options.locale,
      now: new Date(options.nowIso),
      trustAnchors: options.trustAnchors,
      trustedRoots: trust.roots,
      answers: options.answers,
      augment: async () => (options.captures ?? []).map(captureEvidence),
    };
    const name = options.newCertificate;
    const renewal = name && inputs.some((i) => i.name === name) ? await runRenewal(inputs, name, runOptions) : undefined;
    const { report, evidence, analysis } = renewal?.current ?? (await runAnalysis(inputs, runOptions));
    const base = { report, inferred: inferAnswers(evidence, analysis.findings), aiaChildren: aiaChildren(evidence, report), ...trustOutcome(evidence, report, trust.unreadable) };
    const outcome: AnalysisOutcome = renewal ? { ...base, preflight: renewal.preflight, ...(renewal.input ? { newCertificateInput: renewal.input } : {}) } : base;
    return {
      outcome,
      keep: () => {
        this.#last = { report, evidence };
        this.#lastRenewal = renewal?.preflight.ok ? { preflight: renewal.preflight.value, judged: renewal.judged } : null;
      },
    };
  }

  /** The fix pack of the latest kept analysis. */
  async fixPack(): Promise<Result<FixPackView, AppError>> {
    if (!this.#last) return err({ code: 'ui.fixpack.noAnalysis' });
    const built = await buildFixPack({ report: this.#last.report, evidence: this.#last.evidence, locale: resolveLocale(this.#last.report.locale) });
    return built.ok ? ok({ files: built.value.files, guide: built.value.guide }) : built;
  }

  /** The switch-over pack of the latest pre-flight; `ui.fixpack.noAnalysis` when the latest analysis had none. */
  switchOverPack(): Result<FixPackView, AppError> {
    if (!this.#lastRenewal) return err({ code: 'ui.fixpack.noAnalysis' });
    const { preflight, judged } = this.#lastRenewal;
    const built = buildSwitchOverPack({ preflight, evidence: judged.evidence, chains: judged.report.chains, locale: resolveLocale(preflight.locale) });
    return built.ok ? ok({ files: built.value.files, guide: built.value.guide }) : err(built.error);
  }
}
