import type { DiagBridge } from '../../../shared/ipc/contract';
import type { CaseContent } from '../../../shared/case/ipc';
import type { AppError } from '../../../shared/result';
import type { CaseFile } from '../lib/case-storage';
import { applyCase, snapshotCase } from './case-autosave.svelte';
import type { WizardSession } from './wizard-session.svelte';

/** What the header shows after a save or open: a confirmation, a question, or a localized error. */
export type CaseFileNotice =
  | { readonly kind: 'saved' | 'opened'; readonly name: string }
  | { readonly kind: 'exists'; readonly name: string }
  | { readonly kind: 'error'; readonly error: AppError };

/** The IPC methods case files need (window.diag in the app and the e2e harness). */
export type CaseFileApi = Pick<DiagBridge, 'caseSave' | 'caseOpen'>;

/** The autosave's case shape → what `case:save` carries (evidence as bytes, plus the last report). */
export async function toCaseContent(file: CaseFile, report: CaseContent['report']): Promise<CaseContent> {
  const evidence = await Promise.all(
    file.items.map(async (i) => ({ name: i.name, source: i.source, bytes: new Uint8Array(await i.blob.arrayBuffer()), ...(i.role ? { role: i.role } : {}) })),
  );
  const trusted = await Promise.all((file.trusted ?? []).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  return {
    symptom: file.symptom,
    stepIndex: file.stepIndex,
    ...(file.step ? { step: file.step } : {}),
    answers: file.answers,
    evidence,
    report,
    ...(file.baseline ? { baseline: file.baseline } : {}),
    ...(trusted.length > 0 ? { trusted } : {}),
  };
}

/** What `case:open` returned → the autosave's case shape, so reopening works one way for both. */
export function fromCaseContent(content: CaseContent, savedAt: string): CaseFile {
  return {
    version: 1,
    savedAt,
    symptom: content.symptom,
    answers: content.answers,
    stepIndex: content.stepIndex,
    ...(content.step ? { step: content.step } : {}),
    baseline: content.baseline ?? null,
    items: content.evidence.map((e) => ({ name: e.name, source: e.source, blob: new Blob([new Uint8Array(e.bytes)]), ...(e.role ? { role: e.role } : {}) })),
    ...(content.trusted?.length ? { trusted: content.trusted.map((f) => ({ name: f.name, blob: new Blob([new Uint8Array(f.bytes)]) })) } : {}),
  };
}

/**
 * File ▸ Open case… / Save case… and the header's buttons: the case as a relay-doctor/case@1 file the admin
 * keeps (the autosave keeps only one, inside the app). A file that cannot be opened leaves the current case
 * exactly as it was.
 */
export class CaseFiles {
  notice = $state.raw<CaseFileNotice | null>(null);
  busy = $state(false);
  #api: CaseFileApi;
  #session: WizardSession;
  #suggestedName: () => string;

  constructor(api: CaseFileApi, session: WizardSession, suggestedName: () => string) {
    this.#api = api;
    this.#session = session;
    this.#suggestedName = suggestedName;
  }

  /** Saves; an existing file is replaced only after the admin chose Replace (`overwrite`). */
  async save(overwrite = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const content = await toCaseContent(snapshotCase(this.#session), this.#session.evidence.report);
      const res = await this.#api.caseSave({ content, suggestedName: this.#suggestedName(), overwrite });
      if (res.ok) this.notice = { kind: 'saved', name: res.value.name };
      else if (res.error.code === 'case.exists') this.notice = { kind: 'exists', name: String(res.error.params?.['name'] ?? '') };
      else this.notice = res.error.code === 'case.cancelled' ? null : { kind: 'error', error: res.error };
    } finally {
      this.busy = false;
    }
  }

  async open(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const res = await this.#api.caseOpen({});
      if (!res.ok) {
        this.notice = res.error.code === 'case.cancelled' ? null : { kind: 'error', error: res.error };
        return;
      }
      this.notice = { kind: 'opened', name: res.value.name };
      await applyCase(this.#session, fromCaseContent(res.value.content, res.value.savedAt));
    } finally {
      this.busy = false;
    }
  }

  dismiss(): void {
    this.notice = null;
  }
}
