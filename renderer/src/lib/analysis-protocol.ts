import type { Answers } from '../../../shared/model/answers';
import type { InputReport, Report } from '../../../shared/model/report';
import type { TrustAnchor } from '../../../shared/model/analyzer';
import type { Locale } from '../../../shared/i18n/locales';
import type { AppError, Result } from '../../../shared/result';
import type { FixPackFile } from '../../../shared/fixpack/types';
import type { GuideDocument } from '../../../shared/guide/model';
import type { AiaChild, NetworkCapture } from '../../../shared/network/capture';
import type { RunProgress } from '../../../shared/engine/run';
import type { PreflightError, PreflightReport } from '../../../shared/preflight/types';

/** The renewal pre-flight of the new certificate, or why there is none (`reason`: the file's own error code). */
export type PreflightOutcome = Result<PreflightReport, PreflightError & { readonly reason?: string }>;
import type { TrustedRoot } from '../../../shared/engine/user-trust';

/** A file of roots the admin trusts for this case (a root file they added, or a root they chose to trust). */
export interface TrustFile {
  readonly name: string;
  readonly blob: Blob;
}

/** The fix pack of the latest analysis, built where its evidence lives (the worker). */
export interface FixPackView {
  readonly files: readonly FixPackFile[];
  readonly guide: GuideDocument;
}

/** UI thread → worker: build the fix pack of the latest finished analysis. */
export interface FixPackMessage {
  readonly type: 'fixpack';
  readonly id: number;
}

/** UI thread → worker: build the switch-over pack of the latest pre-flight (the renewal path). */
export interface SwitchOverMessage {
  readonly type: 'switchover';
  readonly id: number;
}

/** The plain data one analysis needs; it crosses the worker boundary by structured clone. */
export interface AnalysisOptions {
  readonly locale: Locale;
  /** ISO time the chain is judged at; a Date would arrive fine too, but a string is obviously serialisable. */
  readonly nowIso: string;
  readonly trustAnchors: readonly TrustAnchor[];
  readonly answers: Answers;
  /** Certificates the opt-in network checks brought back; decoded into evidence next to the files. */
  readonly captures?: readonly NetworkCapture[];
  /** The renewal path: the input name of the new certificate, judged by the pre-flight (shared/preflight). */
  readonly newCertificate?: string;
  /** The roots the admin trusts for this case, read in the worker by the CLI's --trust code (readTrustFiles). */
  readonly trustFiles?: readonly TrustFile[];
}

/** What an analysis gives the UI: the report, and what the evidence answers of the wizard's questions
 *  (shared/questions/infer.ts), computed next to the evidence so the evidence itself never crosses over. */
export interface AnalysisOutcome {
  readonly report: Report;
  readonly inferred: Answers;
  /** Open ends of incomplete chains with AIA URLs: what "Download missing intermediates" sends to main. */
  readonly aiaChildren?: readonly AiaChild[];
  /** With `newCertificate`: its pre-flight; the report is then of the current state (every other input). */
  readonly preflight?: PreflightOutcome;
  /** With `newCertificate`: how its file was read (status, a password asked for), as the report says of the others. */
  readonly newCertificateInput?: InputReport;
  /** Roots of chains no store trusts, with their DER: what "Trust this root for this case" adds. */
  readonly untrustedRoots?: readonly TrustedRoot[];
  /** Trust files that held no certificate (named so the chain step can say so). */
  readonly trustUnreadable?: readonly string[];
}

/**
 * One file for the engine. A Blob crosses to the worker as a handle, not a copy: the worker reads each file
 * when the engine gets to it, so a folder of thousands of logs is never in memory at once.
 */
export interface AnalysisInput {
  readonly name: string;
  readonly blob: Blob;
  /** The PFX/P12 password the admin typed for this file (DeferredInput.password); it lives only in memory. */
  readonly password?: string;
}

/** UI thread → worker: decode the trust anchors now, so the first drop does not wait for it. */
export interface PrepareMessage {
  readonly type: 'prepare';
  readonly trustAnchors: readonly TrustAnchor[];
}

/** UI thread → worker. */
export interface RunMessage {
  readonly type: 'run';
  readonly id: number;
  readonly inputs: readonly AnalysisInput[];
  readonly options: AnalysisOptions;
}

/** Worker → UI thread. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly id: number; readonly phase: 'reading'; readonly files: number; readonly bytes: number }
  | { readonly type: 'engine'; readonly id: number; readonly progress: RunProgress }
  | { readonly type: 'done'; readonly id: number; readonly outcome: AnalysisOutcome }
  | { readonly type: 'failed'; readonly id: number; readonly code: string }
  | { readonly type: 'fixpack'; readonly id: number; readonly result: Result<FixPackView, AppError> };

/** What the engine has been given, reported as soon as the worker starts on it. */
export interface EngineProgress {
  readonly files: number;
  readonly bytes: number;
  /** Once the engine is under way: inputs read, then analyzers run (shared/engine/run.ts onProgress). */
  readonly step?: RunProgress;
}

/** Runs the engine somewhere (a worker in the app, the same thread in component tests). */
export interface AnalysisRunner {
  run(
    inputs: readonly AnalysisInput[],
    options: AnalysisOptions,
    onProgress?: (progress: EngineProgress) => void,
  ): Promise<Result<AnalysisOutcome, AppError>>;
  /** Warms the engine up for these anchors (decoding ~120 roots takes a second or two the first time). */
  prepare(trustAnchors: readonly TrustAnchor[]): void;
  /** Builds the fix pack of the latest finished analysis (`ui.fixpack.noAnalysis` when there is none). */
  fixPack(): Promise<Result<FixPackView, AppError>>;
  /**
   * Builds the switch-over pack of the latest pre-flight (shared/switchover), answered like a fix pack:
   * `ui.fixpack.noAnalysis` when the latest analysis had no pre-flight report.
   */
  switchOverPack(): Promise<Result<FixPackView, AppError>>;
  /** Abandons the running analysis; its promise resolves with `ui.analysis.cancelled`. */
  cancel(): void;
}
