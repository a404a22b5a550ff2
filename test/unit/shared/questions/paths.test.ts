import { describe, expect, it } from 'vitest';
import { hasOpenQuestions, pathQuestions, questionsFor } from '../../../../shared/questions/paths';
import { QUESTIONS } from '../../../../shared/questions/tree';
import { has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';

const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

describe('questions per path (issue 21 item 1)', () => {
  it('asks the whole tree on the failure paths and nothing on the chain-only and renewal paths', () => {
    for (const symptom of ['ndr', 'logLine', 'event'] as const) expect(ids(questionsFor(symptom))).toEqual(ids([...QUESTIONS]));
    expect(questionsFor('checkChain')).toEqual([]);
    expect(questionsFor('renewal')).toEqual([]);
    expect(hasOpenQuestions('checkChain', {}, {})).toBe(false);
  });

  it("gives a question the evidence answered with the evidence's answer, and keeps it on the path", () => {
    const path = pathQuestions('ndr', { sendingSystem: 'exchange', connectorType: 'certificate', tlsSenderCertificateName: 'mail.contoso.com' }, {});
    expect(path.find((p) => p.question.id === 'sendingSystem')?.inferred).toBe('exchange');
    // Exchange (from the evidence) puts the internal-mail question on the branch; it is still open.
    expect(path.find((p) => p.question.id === 'internalMailFlows')?.inferred).toBeUndefined();
    expect(hasOpenQuestions('ndr', { sendingSystem: 'exchange', connectorType: 'certificate', tlsSenderCertificateName: 'x' }, {})).toBe(true);
  });

  it("keeps a question the admin answered open, so the step does not vanish under the admin's click", () => {
    const answers = { sendingSystem: 'iis', connectorType: 'ip', recentRenewal: false } as const;
    expect(hasOpenQuestions('ndr', {}, answers)).toBe(true);
    // An admin's answer overrules the evidence for the branch: IIS leaves out the Exchange-only question.
    expect(ids(pathQuestions('ndr', { sendingSystem: 'exchange' }, { sendingSystem: 'iis' }).map((p) => p.question))).not.toContain('internalMailFlows');
  });

  it('names, in every language, the evidence that answers each question', () => {
    for (const q of QUESTIONS) for (const key of q.answeredBy) for (const locale of LOCALES) expect(has(locale, key), `${locale}:${key}`).toBe(true);
    expect(QUESTIONS.find((q) => q.id === 'sendingSystem')?.answeredBy.length).toBeGreaterThan(0);
  });
});
