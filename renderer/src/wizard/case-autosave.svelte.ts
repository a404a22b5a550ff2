import type { CaseFile, CaseStorage } from '../lib/case-storage';
import { blobBytes } from '../lib/blob-input';
import { SYMPTOMS, type Symptom, type WizardSession } from './wizard-session.svelte';
import { savedStepId } from './legacy-steps';

/** The case as the admin left it: what they said and gave (read reactively by the autosave's $effect). */
export function snapshotCase(s: WizardSession): CaseFile {
  return {
    version: 1,
    savedAt: new Date().toISOString(),
    symptom: s.symptom,
    answers: s.answers,
    stepIndex: s.stepIndex,
    step: s.currentStepId,
    baseline: s.baseline,
    items: [
      ...s.evidence.items.map((i) => ({ name: i.name, source: i.source, blob: i.blob })),
      ...(s.evidence.newCertificate ? [{ name: s.evidence.newCertificate.name, source: 'file' as const, blob: s.evidence.newCertificate.blob, role: 'newCertificate' as const }] : []),
    ],
    trusted: s.evidence.trustFiles.map((f) => ({ name: f.name, blob: f.blob })),
  };
}

/**
 * Puts a saved case (autosaved, or opened from a case file) into the session in place of what is there, and
 * returns to the step it was saved at (by its id; an old case's index by the old order); its evidence is
 * analysed anew first, so a questions step the evidence has closed is passed over.
 */
export async function applyCase(s: WizardSession, file: CaseFile): Promise<void> {
  s.evidence.clear();
  s.symptom = file.symptom && (SYMPTOMS as readonly string[]).includes(file.symptom) ? (file.symptom as Symptom) : null;
  s.answers = file.answers;
  s.baseline = file.baseline ?? null;
  // Before the evidence goes in: its first analysis already judges chains against the admin's own roots.
  s.evidence.trustFiles = (file.trusted ?? []).map((f) => ({ name: f.name, blob: f.blob }));
  const fresh = file.items.find((i) => i.role === 'newCertificate');
  const current = file.items.filter((i) => i !== fresh);
  await s.evidence.addFiles(current.filter((i) => i.source === 'file').map((i) => ({ name: i.name, blob: i.blob })));
  for (const pasted of current.filter((i) => i.source === 'paste')) await s.evidence.addText(await pasted.blob.text());
  if (fresh) await s.evidence.setNewCertificate({ name: fresh.name, blob: fresh.blob });
  s.resumeAt(savedStepId(file));
}

/** Cases bigger than this are not autosaved (a multi-gigabyte event log would fill the disk quota). */
export const AUTOSAVE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Autosaves the case (symptom, answers, step, evidence files) and offers to reopen it on the next start.
 * The analysis itself is not saved: it is re-run from the files, so a newer engine judges old evidence anew.
 */
export class CaseAutosave {
  /** A case saved by an earlier run, until the admin reopens or discards it. */
  offer = $state.raw<CaseFile | null>(null);
  #storage: CaseStorage;
  #session: WizardSession;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The case the pending timer will save, so a window closed before it fires can still save it. */
  #pending: CaseFile | null = null;
  /** Saving waits until the saved case was looked at: an empty new session must not overwrite it. */
  #checked = $state(false);

  constructor(storage: CaseStorage, session: WizardSession) {
    this.#storage = storage;
    this.#session = session;
  }

  /** Looks for a saved case with something in it. */
  async check(): Promise<void> {
    const saved = await this.#storage.load();
    this.offer = saved && (saved.items.length > 0 || saved.symptom) ? saved : null;
    this.#checked = true;
  }

  /** The state worth saving, read reactively (so an $effect calling it re-runs on every change). */
  snapshot(): CaseFile {
    return snapshotCase(this.#session);
  }

  /** Saves shortly after the last change; nothing is saved while an earlier case is still on offer. */
  schedule(file: CaseFile): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
    if (!this.#checked || this.offer) return;
    if (blobBytes(file.items) > AUTOSAVE_MAX_BYTES) return;
    this.#pending = file;
    this.#timer = setTimeout(() => void this.flush(), 300);
  }

  /** Saves a scheduled case now (the window is closing or reloading: its timer would never fire). */
  flush(): Promise<void> {
    const file = this.#pending;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
    return file ? this.#storage.save(file) : Promise.resolve();
  }

  async reopen(): Promise<void> {
    const file = this.offer;
    this.offer = null;
    if (file) await applyCase(this.#session, file);
  }

  async discard(): Promise<void> {
    this.offer = null;
    await this.#storage.clear();
  }
}
