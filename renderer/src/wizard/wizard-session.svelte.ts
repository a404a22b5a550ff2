import type { Answers } from '../../../shared/model/answers';
import type { Report } from '../../../shared/model/report';
import type { EvidenceStore } from './evidence-store.svelte';

// What brought the admin here (the Start step): it decides the path, which evidence is asked for and which questions.
export { SYMPTOMS, type Symptom } from '../../../shared/questions/paths';
import type { Symptom } from '../../../shared/questions/paths';

/**
 * Which steps exist (the registry's ids, in order) and which of them the case at hand takes: the questions
 * step only while something is open, the pre-flight only on the renewal path (renderer/src/wizard/steps.ts).
 */
export interface StepPlan {
  readonly ids: readonly string[];
  applies(index: number, session: WizardSession): boolean;
}

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
  readonly #plan: StepPlan;

  /** Without a plan every one of `stepCount` steps applies (a test of one step). */
  constructor(evidence: EvidenceStore, stepCount: number, plan?: StepPlan) {
    this.evidence = evidence;
    this.stepCount = stepCount;
    this.#plan = plan ?? { ids: [], applies: () => true };
  }

  /** Whether the case takes step `index` (read reactively: it follows the symptom, the evidence, the answers). */
  applies(index: number): boolean {
    return index >= 0 && index < this.stepCount && this.#plan.applies(index, this);
  }

  /** The id of the current step ('' without a plan). */
  get currentStepId(): string {
    return this.#plan.ids[this.stepIndex] ?? '';
  }

  /**
   * Returns to a saved case's step: it and the steps before it count as visited; a step this case no longer
   * takes (its questions answered by the evidence) gives way to the next one it does. An unknown id is Start.
   */
  resumeAt(id: string): void {
    const index = Math.max(0, this.indexOf(id));
    this.furthest = index;
    this.stepIndex = index;
    if (!this.applies(index)) this.next();
  }

  /** The registry index of the step called `id`, or -1. */
  indexOf(id: string): number {
    return this.#plan.ids.indexOf(id);
  }

  #following(from: number, direction: 1 | -1): number {
    for (let i = from + direction; i >= 0 && i < this.stepCount; i += direction) if (this.applies(i)) return i;
    return -1;
  }

  get isFirst(): boolean {
    return this.#following(this.stepIndex, -1) === -1;
  }

  get isLast(): boolean {
    return this.#following(this.stepIndex, 1) === -1;
  }

  /** The next step the case takes; steps it does not take (no open question, not a renewal) are passed over. */
  next(): void {
    const to = this.#following(this.stepIndex, 1);
    if (to === -1) return;
    this.stepIndex = to;
    this.furthest = Math.max(this.furthest, to);
  }

  back(): void {
    const to = this.#following(this.stepIndex, -1);
    if (to !== -1) this.stepIndex = to;
  }

  /** Goes on to a later step directly (the Findings step's one button onward to the fix). */
  advanceTo(index: number): void {
    if (index <= this.stepIndex || index >= this.stepCount) return;
    this.stepIndex = index;
    this.furthest = Math.max(this.furthest, index);
  }

  goTo(index: number): void {
    if (index >= 0 && index <= this.furthest && index < this.stepCount) this.stepIndex = index;
  }

  chooseSymptom(symptom: Symptom): void {
    this.symptom = symptom;
  }

  setAnswer<K extends keyof Answers>(key: K, value: Answers[K]): void {
    this.answers = { ...this.answers, [key]: value };
  }

  /**
   * After the fix, or after the renewal's switch-over: keep today's report as the "before", clear the
   * evidence, and go back to the Evidence step for the new files; the Findings step then shows what changed.
   * On the renewal path today's report is the current state without the new certificate (renewal-run.ts),
   * and with a baseline the path no longer asks for a new certificate nor runs the pre-flight.
   */
  async checkAfterFix(evidenceStepIndex: number): Promise<void> {
    const before = this.evidence.report;
    if (!before) return;
    this.baseline = before;
    await this.evidence.removeNewCertificate();
    for (const item of [...this.evidence.items]) await this.evidence.remove(item.id);
    this.furthest = evidenceStepIndex;
    this.goTo(evidenceStepIndex);
  }
}
