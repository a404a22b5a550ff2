import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
import type { Symptom } from '../../renderer/src/wizard/wizard-session.svelte';
// Real evidence (read through Vite: these tests run with DOM types only).
import SEND_LOG from '../fixtures/smtp/exchange-send-5.7.64-cert-sent.log?raw';

afterEach(cleanup);

/** Start → Evidence (drop) → Next: evidence first (issue 21 item 1); returns the heading reached after it. */
async function afterEvidence(symptom: Symptom, files: File[]) {
  const app = renderApp();
  app.session.chooseSymptom(symptom);
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
  const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
  await waitFor(() => expect(next.disabled).toBe(false), { timeout: 10_000 });
  await fireEvent.click(next);
  await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Evidence' })).toBeNull());
  return { ...app, heading: screen.getByRole('heading', { level: 2 }).textContent };
}

const note = () => new File(['nothing an Exchange reader knows'], 'note.txt');

describe('Questions after the evidence', () => {
  it('asks the questions the evidence left open, and names the evidence that would answer them', async () => {
    const { heading } = await afterEvidence('ndr', [note()]);
    expect(heading).toBe('Your environment');
    const system = screen.getByRole('group', { name: 'Which system relays the mail to Exchange Online?' });
    expect(system).toBeTruthy();
    expect(screen.getByText(/^Or add evidence that answers it: an Exchange send or receive protocol log, Get-SendConnector/)).toBeTruthy();
    expect(screen.getByRole('group', { name: /How does the inbound connector/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: "What is the connector's TlsSenderCertificateName?" })).toBeTruthy();
  });

  it('shows what an Exchange send log answered as answered; Change asks it, "Use what the evidence says" goes back', async () => {
    const { session } = await afterEvidence('logLine', [new File([SEND_LOG], 'send.log')]);
    expect(session.evidence.inferred.sendingSystem).toBe('exchange');
    const answered = screen.getByRole('group', { name: 'Which system relays the mail to Exchange Online?' });
    expect(within(answered).getByText('Exchange Server')).toBeTruthy();
    expect(within(answered).getByText('Answered by your evidence')).toBeTruthy();
    // Not asked: no radio buttons for it while the evidence's answer stands.
    expect(within(answered).queryAllByRole('radio')).toHaveLength(0);
    // Exchange being known, the Exchange-only question is asked.
    expect(screen.getByRole('group', { name: /mail between your own mailboxes/ })).toBeTruthy();

    await fireEvent.click(within(answered).getByRole('button', { name: /^Change the answer to: Which system/ }));
    await fireEvent.click(screen.getByRole('radio', { name: 'IIS SMTP service' }));
    expect(session.answers.sendingSystem).toBe('iis');
    expect(screen.queryByRole('group', { name: /mail between your own mailboxes/ })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Use what the evidence says' }));
    expect(session.answers.sendingSystem).toBeUndefined();
    expect(within(screen.getByRole('group', { name: 'Which system relays the mail to Exchange Online?' })).getByText('Exchange Server')).toBeTruthy();
  });

  it('stops asking for the certificate name once the connector is said to be IP-based', async () => {
    const { session } = await afterEvidence('ndr', [note()]);
    await fireEvent.click(screen.getByRole('radio', { name: 'By IP address (SenderIPAddresses)' }));
    expect(session.answers.connectorType).toBe('ip');
    expect(screen.queryByRole('textbox', { name: /TlsSenderCertificateName/ })).toBeNull();
  });

  it('asks about internal mail only for Exchange', async () => {
    const { session } = await afterEvidence('ndr', [note()]);
    expect(screen.queryByRole('group', { name: /mail between your own mailboxes/ })).toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: 'Exchange Server' }));
    expect(screen.getByRole('group', { name: /mail between your own mailboxes/ })).toBeTruthy();
    await fireEvent.click(screen.getAllByRole('radio', { name: 'No' }).at(-1)!);
    expect(session.answers.internalMailFlows).toBe(false);
  });

  it('"Just check my certificate chain" asks nothing about Exchange: the evidence leads straight to the findings', async () => {
    const { heading } = await afterEvidence('checkChain', [note()]);
    expect(heading).toBe('Findings');
    const steps = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(steps).queryByRole('button', { name: /Your environment/ })).toBeNull();
    expect(within(steps).getByText('Step 3 of 5')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Evidence' })).toBeTruthy();
  });
});
