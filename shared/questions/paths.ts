import type { Answers } from '../model/answers';
import type { Question, QuestionId } from './types';
import { QUESTIONS } from './tree';

/** What brought the admin here (the wizard's Start step); each is one path through the wizard. */
export const SYMPTOMS = ['ndr', 'logLine', 'event', 'renewal', 'checkChain'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/**
 * The questions each path may ask (issue 21 item 1), before the evidence has had its say:
 * - the three failure paths ask the whole tree (every question bears on the relay's cause);
 * - checkChain asks nothing: the chain is judged from the certificate alone, and every question is about
 *   the relay (Exchange, the connector), which is not what the admin came for;
 * - renewal asks nothing: each pre-flight check reads the new certificate and the current evidence
 *   (shared/preflight) and says itself which evidence it lacks, so an answer would change no check.
 */
const PATH_QUESTIONS: Readonly<Record<Symptom, readonly QuestionId[] | 'all'>> = {
  ndr: 'all',
  logLine: 'all',
  event: 'all',
  checkChain: [],
  renewal: [],
};

export function questionsFor(symptom: Symptom | null, questions: readonly Question[] = QUESTIONS): Question[] {
  const ids = PATH_QUESTIONS[symptom ?? 'ndr'];
  return ids === 'all' ? [...questions] : questions.filter((q) => ids.includes(q.id));
}

/** One question of the path as the questions step shows it: still open, or answered by the evidence. */
export interface PathQuestion {
  readonly question: Question;
  /** The evidence's answer (shared/questions/infer.ts), when it has one. */
  readonly inferred?: Answers[QuestionId];
}

/**
 * The questions of the path, in tree order, on the branch the answers so far lead to: the admin's own
 * answers over the evidence's (combineAnswers' rule). A question the evidence answered comes with that
 * answer, so the step can show it as answered (with "Change") instead of asking it.
 */
export function pathQuestions(symptom: Symptom | null, inferred: Answers, answers: Answers): PathQuestion[] {
  const known: Answers = { ...inferred, ...answers };
  return questionsFor(symptom)
    .filter((q) => q.askWhen?.(known) ?? true)
    .map((q) => (inferred[q.id] !== undefined ? { question: q, inferred: inferred[q.id] } : { question: q }));
}

/**
 * Whether the path leaves anything to ask once the evidence is read: a question nobody's evidence answered.
 * A question the admin answered still counts, so the step does not vanish under the admin's last click.
 */
export function hasOpenQuestions(symptom: Symptom | null, inferred: Answers, answers: Answers): boolean {
  return pathQuestions(symptom, inferred, answers).some((p) => p.inferred === undefined);
}
