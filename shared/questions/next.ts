import type { Evidence } from '../model/evidence';
import type { Answers } from '../model/answers';
import type { Finding } from '../model/finding';
import type { Question } from './types';
import { QUESTIONS } from './tree';
import { combineAnswers } from './infer';

/**
 * The questions still worth asking: not answered by the admin, not answered by the evidence, and on a branch
 * of the tree the answers so far lead to. Call again after each answer; the list shrinks or changes.
 */
export function nextQuestions(
  evidence: readonly Evidence[],
  findings: readonly Finding[],
  answers: Answers,
  questions: readonly Question[] = QUESTIONS,
): Question[] {
  const known = combineAnswers(evidence, findings, answers);
  return questions.filter((q) => known[q.id] === undefined && (q.askWhen?.(known) ?? true));
}
