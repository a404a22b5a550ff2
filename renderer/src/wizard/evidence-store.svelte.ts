import type { Report, InputReport } from '../../../shared/model/report';
import type { Answers } from '../../../shared/model/answers';
import type { TrustAnchor } from '../../../shared/model/analyzer';
import type { AppError } from '../../../shared/result';
import type { AnalysisInput, AnalysisOptions, AnalysisRunner, PreflightOutcome } from '../lib/analysis-protocol';
import type { TrustedRoot } from '../../../shared/engine/user-trust';
import { trustFileOf, type CaseTrustFile } from '../lib/trust-files';
import type { AiaChild, NetworkCapture } from '../../../shared/network/capture';
import type { RunProgress } from '../../../shared/engine/run';
import { ProgressPace } from '../../../shared/engine/progress-pace';
import { inputIndex } from '../lib/report-inputs';
import { blobBytes } from '../lib/blob-input';

/** One thing the user gave us. The Blob is kept (not its bytes): every re-analysis hands it to the worker as a
 *  handle, which reads it afresh when the engine gets to it. */
export interface EvidenceItem {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly source: 'file' | 'paste';
  readonly blob: Blob;
  /** Set for what an opt-in network check brought back (origin probe/download); the blob is then its PEM. */
  readonly capture?: NetworkCapture;
}

export type ItemStatus = 'waiting' | 'ok' | 'rejected';
/** Why an item asks for a password: none was given, or the one given does not open it. */
export type LockCode = 'input.passwordRequired' | 'input.passwordWrong';
export type AnalysisPhase = 'idle' | 'analyzing' | 'cancelled' | 'failed';

/** What the evidence list shows for one item, taken from the report's inputs. */
export interface ItemState {
  readonly status: ItemStatus;
  readonly kind: InputReport['kind'] | 'container' | undefined;
  readonly error?: { readonly code: string; readonly params?: AppError['params'] };
  /** Entries of a container (zip) or a folder's files are reported as inputs of their own. */
  readonly entries: readonly InputReport[];
}

/** The answers as one comparable value: the same answers give the same key whatever order they were given in. */
function answersKey(answers: Answers): string {
  return JSON.stringify(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
}

function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let n = 2; ; n++) if (!taken.has(`${stem} (${n})${ext}`)) return `${stem} (${n})${ext}`;
}

/**
 * The evidence the user dropped, browsed or pasted, and the latest analysis of all of it. Certificates are
 * judged as one pool (a leaf and its intermediate often arrive as separate files), so any change re-runs the
 * whole analysis; an older run still in flight is superseded.
 */
export class EvidenceStore {
  items = $state.raw<EvidenceItem[]>([]);
  report = $state.raw<Report | null>(null);
  /** What the evidence answers of the wizard's questions, from the latest analysis. */
  inferred = $state.raw<Answers>({});
  phase = $state<AnalysisPhase>('idle');
  /** What the running analysis was given (shown until the engine's first step). */
  progress = $state({ total: 0, bytes: 0 });
  /** The engine's own progress during `analyzing`: inputs read, then analyzers run; null until it reports. */
  engineStep = $state.raw<RunProgress | null>(null);
  failure = $state<string | null>(null);
  trustAnchors = $state.raw<readonly TrustAnchor[]>([]);
  /** Certificates at the open end of incomplete chains, with their AIA URLs (for the download check). */
  aiaChildren = $state.raw<readonly AiaChild[]>([]);
  /**
   * The renewal path's new certificate (its own drop zone): kept apart from `items`, which are the current
   * evidence, so lists, counts and "remove" of the current evidence never touch it. Analysed with them.
   */
  newCertificate = $state.raw<EvidenceItem | null>(null);
  /** The pre-flight of `newCertificate` from the latest analysis (null without one). */
  preflight = $state.raw<PreflightOutcome | null>(null);
  /** How `newCertificate`'s file was read: the report is of the current state and does not list it. */
  #newInput = $state.raw<InputReport | null>(null);
  /**
   * The root files the admin trusts for this case (the CLI's --trust files): saved with the case, read in the
   * worker by the engine's readTrustFiles, and named as theirs in the report (`trustedRoots`).
   */
  trustFiles = $state.raw<readonly CaseTrustFile[]>([]);
  /** Roots of chains no store trusts, from the latest analysis: what "Trust this root for this case" adds. */
  untrustedRoots = $state.raw<readonly TrustedRoot[]>([]);
  /** Trust files that held no certificate, by the latest analysis. */
  trustUnreadable = $state.raw<readonly string[]>([]);

  #runner: AnalysisRunner;
  #context: () => Omit<AnalysisOptions, 'trustAnchors' | 'nowIso'>;
  #nextId = 1;
  #pastes = 0;
  #generation = 0;
  /** The answers the latest analysis (finished or running) was given, as answersKey() writes them. */
  #answersAnalysed: string | null = null;
  /**
   * PFX/P12 passwords the admin typed, by item id. Kept here alone, beside the items and never on them, so
   * nothing that saves or reports the items (autosave, case files, reports, fix packs) can carry one along.
   */
  #passwords = new Map<number, string>();
  /** Lines of text items, read on demand to show the log lines a finding points at. */
  #lines = new Map<number, Promise<string[]>>();

  constructor(runner: AnalysisRunner, context: () => Omit<AnalysisOptions, 'trustAnchors' | 'nowIso'>) {
    this.#runner = runner;
    this.#context = context;
  }

  /** The roots chains are judged against (from main); the engine starts decoding them at once. */
  setTrustAnchors(anchors: readonly TrustAnchor[]): void {
    this.trustAnchors = anchors;
    this.#runner.prepare(anchors);
  }

  get busy(): boolean {
    return this.phase === 'analyzing';
  }

  /** True once an analysis of the current items (and the new certificate) has finished. */
  get analysed(): boolean {
    return this.report !== null && this.phase === 'idle' && (this.items.length > 0 || this.newCertificate !== null);
  }

  /** Every name in use: the engine tells inputs apart by name, the new certificate's included. */
  #takenNames(): Set<string> {
    return new Set([...this.items, ...(this.newCertificate ? [this.newCertificate] : [])].map((i) => i.name));
  }

  /** The renewal path's new certificate (.pfx/.p12/.cer/.p7b …); it replaces one given before. */
  setNewCertificate(file: { readonly name: string; readonly blob: Blob }): Promise<void> {
    if (this.newCertificate) this.#passwords.delete(this.newCertificate.id);
    const taken = this.#takenNames();
    if (this.newCertificate) taken.delete(this.newCertificate.name);
    const name = uniqueName(file.name, taken);
    this.newCertificate = { id: this.#nextId++, name, size: file.blob.size, source: 'file', blob: file.blob };
    return this.analyze();
  }

  removeNewCertificate(): Promise<void> {
    if (!this.newCertificate) return Promise.resolve();
    this.#passwords.delete(this.newCertificate.id);
    this.newCertificate = null;
    this.preflight = null;
    this.#newInput = null;
    return this.items.length > 0 ? this.analyze() : (this.#forgetAnalysis(), Promise.resolve());
  }

  #forgetAnalysis(): void {
    this.#generation++;
    this.report = null;
    this.inferred = {};
    this.aiaChildren = [];
    this.preflight = null;
    this.#newInput = null;
    this.phase = 'idle';
  }

  addFiles(files: ReadonlyArray<{ readonly name: string; readonly blob: Blob }>): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    const taken = this.#takenNames();
    const added = files.map((f) => {
      const name = uniqueName(f.name, taken);
      taken.add(name);
      return { id: this.#nextId++, name, size: f.blob.size, source: 'file' as const, blob: f.blob };
    });
    this.items = [...this.items, ...added];
    return this.analyze();
  }

  addText(text: string): Promise<void> {
    const blob = new Blob([text], { type: 'text/plain' });
    this.#pastes += 1;
    const taken = this.#takenNames();
    const name = uniqueName(`pasted-${this.#pastes}.txt`, taken);
    this.items = [...this.items, { id: this.#nextId++, name, size: blob.size, source: 'paste', blob }];
    return this.analyze();
  }

  /**
   * Adds what a network check brought back (components/NetworkPanel.svelte). A capture replaces an earlier
   * one from the same source (probing the same server again), so the list holds the latest answer.
   */
  addCaptures(captures: readonly NetworkCapture[]): Promise<void> {
    if (captures.length === 0) return Promise.resolve();
    const sources = new Set(captures.map((c) => c.source));
    const pem = (c: NetworkCapture): string =>
      c.certificatesBase64.map((b) => `-----BEGIN CERTIFICATE-----\n${b.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`).join('');
    const added = captures.map((c) => {
      const blob = new Blob([pem(c)], { type: 'application/x-pem-file' });
      return { id: this.#nextId++, name: c.source, size: blob.size, source: 'file' as const, blob, capture: c };
    });
    this.items = [...this.items.filter((i) => !(i.capture && sources.has(i.name))), ...added];
    return this.analyze();
  }

  /** Trusts a root of the evidence for this case ("Trust this root for this case") and judges the chains again. */
  trustRoot(root: TrustedRoot): Promise<void> {
    if (this.trustFiles.some((f) => f.sha1 === root.sha1)) return Promise.resolve();
    this.trustFiles = [...this.trustFiles, trustFileOf(root, new Set(this.trustFiles.map((f) => f.name)))];
    return this.analyze();
  }

  /** Root files the admin chose to trust ("Add a root file…"); a file without a certificate is named in trustUnreadable. */
  addTrustFiles(files: ReadonlyArray<{ readonly name: string; readonly blob: Blob }>): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    const taken = new Set(this.trustFiles.map((f) => f.name));
    const added = files.map((f) => {
      const name = uniqueName(f.name, taken);
      taken.add(name);
      return { name, blob: f.blob };
    });
    this.trustFiles = [...this.trustFiles, ...added];
    return this.analyze();
  }

  /** Stops trusting a root file for this case. */
  untrust(name: string): Promise<void> {
    this.trustFiles = this.trustFiles.filter((f) => f.name !== name);
    return this.items.length > 0 ? this.analyze() : Promise.resolve();
  }

  /** Forgets every item and the analysis (a case file is opened in place of the current one). */
  clear(): void {
    // A run in flight is superseded, not cancelled: cancelling would restart the worker and its anchors.
    this.#generation++;
    this.items = [];
    this.newCertificate = null;
    this.preflight = null;
    this.#newInput = null;
    this.#passwords.clear();
    this.#pastes = 0;
    this.#lines.clear();
    this.report = null;
    this.inferred = {};
    this.aiaChildren = [];
    this.trustFiles = [];
    this.untrustedRoots = [];
    this.trustUnreadable = [];
    this.failure = null;
    this.phase = 'idle';
  }

  remove(id: number): Promise<void> {
    this.items = this.items.filter((i) => i.id !== id);
    this.#passwords.delete(id);
    if (this.items.length > 0 || this.newCertificate) return this.analyze();
    this.#forgetAnalysis();
    return Promise.resolve();
  }

  /**
   * Re-runs the analysis with `password` for the PFX/P12 item `id` (its row asked for one). A wrong one is
   * kept too, so the row goes on saying it is wrong until another is typed or the item is removed.
   */
  unlock(id: number, password: string): Promise<void> {
    if (!this.items.some((i) => i.id === id) && this.newCertificate?.id !== id) return Promise.resolve();
    this.#passwords.set(id, password);
    return this.analyze();
  }

  /** What the latest finished analysis says of this item's file (not of its entries). */
  inputOf(item: EvidenceItem): InputReport | undefined {
    if (item === this.newCertificate) return this.#newInput ?? undefined;
    return inputIndex(this.report).byName.get(item.name);
  }

  /**
   * Whether the item asks for a password, by the latest finished analysis. Unlike stateOf it keeps answering
   * while a new analysis runs, so the row's password field stays (and keeps focus) while it is tried.
   */
  lockOf(item: EvidenceItem): LockCode | null {
    const code = this.inputOf(item)?.error?.code;
    return code === 'input.passwordRequired' || code === 'input.passwordWrong' ? code : null;
  }

  /** Reads every item and runs the engine on all of them; results of superseded runs are dropped. */
  async analyze(): Promise<void> {
    const mine = ++this.#generation;
    const fresh = this.newCertificate;
    const items = fresh ? [...this.items, fresh] : this.items;
    this.failure = null;
    // Blobs are handles: the worker reads each file when the engine gets to it.
    const inputs: AnalysisInput[] = items.flatMap((item) => {
      if (item.capture) return [];
      const password = this.#passwords.get(item.id);
      return [{ name: item.name, blob: item.blob, ...(password !== undefined ? { password } : {}) }];
    });
    this.progress = { total: items.length, bytes: blobBytes(inputs) };
    this.phase = 'analyzing';
    this.engineStep = null;
    const context = this.#context();
    this.#answersAnalysed = answersKey(context.answers);
    const pace = new ProgressPace((step) => {
      if (mine === this.#generation) this.engineStep = step;
    });
    const result = await this.#runner.run(
      inputs,
      {
        ...context,
        nowIso: new Date().toISOString(),
        trustAnchors: this.trustAnchors,
        captures: items.flatMap((i) => (i.capture ? [i.capture] : [])),
        ...(fresh ? { newCertificate: fresh.name } : {}),
        trustFiles: this.trustFiles.map((f) => ({ name: f.name, blob: f.blob })),
      },
      (p) => {
        if (mine === this.#generation && p.step) pace.offer(p.step);
      },
    );
    pace.stop();
    if (mine !== this.#generation) return;
    // The language changed while this ran: its texts (input errors, warnings) are in the old one.
    if (result.ok && this.#context().locale !== context.locale) return this.analyze();
    if (result.ok) {
      this.report = result.value.report;
      this.inferred = result.value.inferred;
      this.aiaChildren = result.value.aiaChildren ?? [];
      this.preflight = result.value.preflight ?? null;
      this.#newInput = result.value.newCertificateInput ?? null;
      this.untrustedRoots = result.value.untrustedRoots ?? [];
      this.trustUnreadable = result.value.trustUnreadable ?? [];
      this.phase = 'idle';
    } else {
      this.failure = result.error.code;
      this.phase = result.error.code === 'ui.analysis.cancelled' ? 'cancelled' : 'failed';
    }
  }

  /**
   * Leaving the questions step: the analysis runs again only when the answers differ from those of the latest
   * analysis, finished or running. A run reads every file again, so a Next that changed no answer read a
   * gigabyte folder a second time (as many CPU seconds as the first reading).
   */
  reanalyseForAnswers(): Promise<void> {
    const unchanged = this.#answersAnalysed === answersKey(this.#context().answers);
    if (unchanged && (this.busy || this.analysed)) return Promise.resolve();
    return this.analyze();
  }

  /** The fix pack of the current analysis, built next to its evidence (worker). */
  fixPack(): ReturnType<AnalysisRunner['fixPack']> {
    return this.#runner.fixPack();
  }

  /** The switch-over pack of the latest pre-flight (renewal path), built in the worker like the fix pack. */
  switchOverPack(): ReturnType<AnalysisRunner['switchOverPack']> {
    return this.#runner.switchOverPack();
  }

  cancel(): void {
    this.#generation++;
    this.#runner.cancel();
    this.phase = 'cancelled';
  }

  /**
   * Line `line` (1-based) of the item called `file`, for `<file>#L<line>` evidence references; null when the
   * file is not one of ours (an entry inside a zip) or is shorter.
   */
  async lineOf(file: string, line: number): Promise<string | null> {
    const item = this.items.find((i) => i.name === file);
    if (!item) return null;
    let lines = this.#lines.get(item.id);
    if (!lines) {
      lines = item.blob.text().then((text) => text.split(/\r?\n/));
      this.#lines.set(item.id, lines);
    }
    return (await lines)[line - 1] ?? null;
  }

  /** Status, kind and error of one item in the latest report (waiting while it is being analysed). */
  stateOf(item: EvidenceItem): ItemState {
    const index = inputIndex(this.report);
    const own = this.inputOf(item);
    const entries = index.entries.get(item.name) ?? [];
    if (!own || this.busy) return { status: 'waiting', kind: undefined, entries: [] };
    // A reader that sniffed the file and then found it was not its format names a kind the file is not.
    const unrecognized = own.status === 'rejected' && own.error?.code === 'input.unrecognized';
    return {
      status: own.status,
      kind: unrecognized ? null : (own.kind ?? (entries.length > 0 ? 'container' : null)),
      ...(own.error ? { error: { code: own.error.code } } : {}),
      entries,
    };
  }
}
