import type { EvidenceKind } from '../../../shared/model/evidence';

/** A multiple-choice question of the Environment step, stored in `Answers[key]`. */
export interface ChoiceQuestion {
  readonly key: 'sendingSystem' | 'connectorType';
  readonly options: readonly string[];
  /** Evidence of these kinds, once read, answers the question, so the wizard does not ask it. */
  readonly answeredBy: readonly EvidenceKind[];
}

/** Registry of the Environment step's questions; labels are `wizard.environment.<key>.*` catalog keys.
 *  Options mirror the unions of shared/model/answers.ts. */
export const QUESTIONS: readonly ChoiceQuestion[] = [
  { key: 'sendingSystem', options: ['exchange', 'iis', 'other'], answeredBy: ['settings'] },
  { key: 'connectorType', options: ['certificate', 'ip', 'unknown'], answeredBy: ['settings'] },
];
