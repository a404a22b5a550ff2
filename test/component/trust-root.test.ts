import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ChainStep from '../../renderer/src/wizard/steps/ChainStep.svelte';
import { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import { WizardSession } from '../../renderer/src/wizard/wizard-session.svelte';
import { createInlineRunner } from '../../renderer/src/lib/inline-runner';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import { snapshotCase, applyCase } from '../../renderer/src/wizard/case-autosave.svelte';
import { STEPS } from '../../renderer/src/wizard/steps';

import { certFixture } from './pfx-fixtures';

afterEach(cleanup);

// random.bin is 4 KiB of noise: a "root file" that holds no certificate.
const file = (name: string) => ({ name, blob: certFixture(name) });
const ROOT_SHA1 = 'AC910BA5C0B686F85526915CA063A7133ED853E7';

/** The chain step over the real engine (inline runner), with no store trusting the test root. */
function chainStep() {
  setLocale('en');
  const evidence = new EvidenceStore(createInlineRunner(), () => ({ locale: 'en', answers: {} }));
  const session = new WizardSession(evidence, STEPS.length);
  render(ChainStep, { props: { session } });
  return { evidence, session };
}

describe('trusting a root for this case (issue 21 item 3)', { timeout: 30_000 }, () => {
  it('offers "Trust this root for this case" for a root outside every store; trusting it completes the chain as theirs', async () => {
    const { evidence } = chainStep();
    await evidence.addFiles([file('chain-with-root.pem')]);
    expect(evidence.report?.chains[0]?.status).toBe('untrusted');
    await fireEvent.click(await screen.findByRole('button', { name: 'Trust this root for this case' }));
    await waitFor(() => expect(evidence.report?.chains[0]?.status).toBe('complete'));
    const report = evidence.report;
    expect(report?.chains[0]?.trustStore).toBe('user');
    expect(report?.trustedRoots).toEqual([{ sha1: ROOT_SHA1, subject: 'CN=Relay Doctor Test Root CA, O=Relay Doctor Test, C=CZ', source: 'root-ac910ba5.cer' }]);
    // The picture names the root as theirs, and the offer is gone; the root file is listed with a way back.
    expect(screen.getByRole('button', { name: /Relay Doctor Test Root CA.*you trusted this root/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Trust this root for this case' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Root files you trust' });
    expect(within(list).getByText('root-ac910ba5.cer')).toBeTruthy();
    // Only the root became an anchor: the file it came in also holds the leaf and the intermediate.
    expect(evidence.trustFiles).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove root-ac910ba5.cer' }));
    await waitFor(() => expect(evidence.report?.chains[0]?.status).toBe('untrusted'));
    expect(evidence.report?.trustedRoots).toBeUndefined();
  });

  it('reads an added root file as --trust does, and names a file that holds no certificate', async () => {
    const { evidence } = chainStep();
    await evidence.addFiles([file('leaf-only.pem'), file('intermediate.pem')]);
    expect(evidence.report?.chains[0]?.status).toBe('incomplete');
    await evidence.addTrustFiles([file('root.pem'), file('random.bin')]);
    expect(evidence.report?.chains[0]).toMatchObject({ status: 'complete', trustStore: 'user' });
    expect(evidence.report?.trustedRoots?.map((r) => r.source)).toEqual(['root.pem']);
    const list = await screen.findByRole('list', { name: 'Root files you trust' });
    expect(within(list).getByText('random.bin').parentElement?.textContent).toContain('holds no certificate');
  });

  it('keeps the trusted roots with the case: a reopened case judges its chain against them again', async () => {
    const first = chainStep();
    await first.evidence.addFiles([file('chain-with-root.pem')]);
    await first.evidence.trustRoot(first.evidence.untrustedRoots[0]!);
    const saved = snapshotCase(first.session);
    expect(saved.trusted?.map((f) => f.name)).toEqual(['root-ac910ba5.cer']);
    cleanup();
    const second = chainStep();
    await applyCase(second.session, saved);
    expect(second.evidence.report?.chains[0]).toMatchObject({ status: 'complete', trustStore: 'user' });
    // A case saved before roots could be trusted has no `trusted`: it opens, and trusts nothing of its own.
    const { trusted: _dropped, ...old } = saved;
    await applyCase(second.session, old);
    expect(second.evidence.report?.chains[0]?.status).toBe('untrusted');
  });
});
