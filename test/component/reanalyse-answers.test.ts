import { describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import { createInlineRunner } from '../../renderer/src/lib/inline-runner';
import type { AnalysisRunner } from '../../renderer/src/lib/analysis-protocol';
import type { Answers } from '../../shared/model/answers';
import SEND_LOG from '../fixtures/smtp/exchange-send-5.7.64-cert-sent.log?raw';

/** The real engine on this thread, counting the analyses it is asked for. */
function countingStore() {
  const inline = createInlineRunner();
  let runs = 0;
  const runner: AnalysisRunner = { ...inline, run: (...args) => (runs++, inline.run(...args)) };
  let answers: Answers = {};
  const store = new EvidenceStore(runner, () => ({ locale: 'en', answers }));
  return { store, runs: () => runs, answer: (given: Answers) => void (answers = given) };
}

describe('leaving the questions step (a gigabyte folder is not read again for nothing)', () => {
  it('runs the analysis again only when an answer changed since the latest one', async () => {
    const { store, runs, answer } = countingStore();
    await store.addFiles([{ name: 'send.log', blob: new Blob([SEND_LOG]) }]);
    expect(runs()).toBe(1);
    await store.reanalyseForAnswers();
    expect(runs()).toBe(1);
    answer({ connectorType: 'ip', sendingSystem: 'exchange' });
    await store.reanalyseForAnswers();
    expect(runs()).toBe(2);
    expect(store.report?.answers).toMatchObject({ connectorType: 'ip' });
    // The same answers in another order are the same answers.
    answer({ sendingSystem: 'exchange', connectorType: 'ip' });
    await store.reanalyseForAnswers();
    expect(runs()).toBe(2);
  });

  it('runs it again after a failed or cancelled run, whatever the answers', async () => {
    const { store, runs } = countingStore();
    await store.addFiles([{ name: 'send.log', blob: new Blob([SEND_LOG]) }]);
    const running = store.analyze();
    store.cancel();
    await running;
    expect(store.phase).toBe('cancelled');
    await store.reanalyseForAnswers();
    expect(runs()).toBe(3);
    expect(store.analysed).toBe(true);
  });
});
