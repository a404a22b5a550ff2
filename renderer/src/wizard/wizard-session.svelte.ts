import type { Answers } from '../../../shared/model/answers';
import type { Report } from '../../../shared/model/report';
import type { EvidenceStore } from './evidence-store.svelte';

/** What brought the admin here (the Start step); it decides which evidence the Evidence step asks for. */
export const SYMPTOMS = ['ndr', 'logLine', 'event', 'renewal', 'checkChain'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/**
 * The wizard's own state: where the admin is, what they said they see, and their answers. Evidence and its
 * analysis live in EvidenceStore; language in Settings. Which steps exist is the registry's business, so
 * the session only knows how many there are.
 */
export class WizardSession {
  stepIndex = $state(0);
  /** The furthest step reached, so the stepper can jump back and forth over visited steps only. */
  furthest = $state(0);
  symptom = $state<Symptom | null>(null);
  answers = $state.raw<Answers>({});
  /** The report from before the fix, while the admin checks the server again (before/after view). */
  baseline = $state.raw<Report | null>(null);
  readonly evidence: EvidenceStore;
  readonly stepCount: number;

  constructor(evidence: EvidenceStore, stepCount: number) {
    this.evidence = evidence;
    this.stepCount = stepCount;
  }

  get isFirst(): boolean {
    return this.stepIndex === 0;
  }

  get isLast(): boolean {
    return this.stepIndex === this.stepCount - 1;
  }

  next(): void {
    if (this.isLast) return;
    this.stepIndex += 1;
    this.furthest = Math.max(this.furthest, this.stepIndex);
  }

  back(): void {
    if (!this.isFirst) this.stepIndex -= 1;
  }

  /** Goes on to a later step directly (the Findings step's one button onward to the fix). */
  advanceTo(index: number): void {
    if (index <= this.stepIndex || index >= this.stepCount) return;
    this.stepIndex = index;
    this.furthest = Math.max(this.furthest, index);
  }

  goTo(index: number): void {
    if (index >= 0 && index <= this.furthest) this.stepIndex = index;
  }

  chooseSymptom(symptom: Symptom): void {
    this.symptom = symptom;
  }

  setAnswer<K extends keyof Answers>(key: K, value: Answers[K]): void {
    this.answers = { ...this.answers, [key]: value };
  }

  /**
   * After the fix: keep today's report as the "before", clear the evidence, and go back to the Evidence
   * step for the new files; the Findings step then shows what changed.
   */
  async checkAfterFix(evidenceStepIndex: number): Promise<void> {
    const before = this.evidence.report;
    if (!before) return;
    this.baseline = before;
    for (const item of [...this.evidence.items]) await this.evidence.remove(item.id);
    this.furthest = evidenceStepIndex;
    this.goTo(evidenceStepIndex);
  }
}
