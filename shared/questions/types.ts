import type { Answers } from '../model/answers';

/** A question id is the field of Answers it fills (shared/model/answers.ts). */
export type QuestionId = keyof Answers;

/**
 * One question of the decision tree, as data. Texts are i18n keys in diagnosis.json:
 * `questions.<id>.title`, `questions.<id>.help` and, for choices, `questions.<id>.option.<value>`
 * (yes/no questions use `questions.<id>.option.yes|no`).
 */
export interface Question {
  readonly id: QuestionId;
  readonly input: 'choice' | 'yesNo' | 'text';
  /** Values stored in Answers for a choice question, in display order. */
  readonly options?: readonly string[];
  readonly titleKey: string;
  readonly helpKey: string;
  /** The edge of the tree: asked only when this holds for the answers so far (explicit + inferred). */
  readonly askWhen?: (answers: Answers) => boolean;
  /**
   * The evidence that answers it instead (what inferAnswers reads), as i18n keys naming each kind; empty when
   * no evidence answers it reliably. The questions step tells the admin what to add rather than to type.
   */
  readonly answeredBy: readonly string[];
}

/** The i18n key of one option's label. */
export function optionKey(id: QuestionId, value: string): string {
  return `questions.${id}.option.${value}`;
}
