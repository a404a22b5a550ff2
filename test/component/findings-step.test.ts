import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
// A real Exchange send protocol log with a 5.7.64 reply (read through Vite: these tests run with DOM types only).
import SEND_LOG from '../fixtures/smtp/exchange-send-5.7.64-cert-sent.log?raw';

afterEach(cleanup);

async function analysedFindings(files: File[]) {
  const app = renderApp();
  app.session.chooseSymptom('logLine');
  app.session.next(); // evidence comes first
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
  const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
  await waitFor(() => expect(next.disabled).toBe(false));
  await fireEvent.click(next);
  // A log line leaves questions open (the evidence cannot say whether a certificate was renewed): asked next.
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Your environment' }));
  await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Findings' }));
  return app;
}

function openDetails(summary: HTMLElement): HTMLDetailsElement {
  const details = summary.closest('details')!;
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
  return details;
}

describe('Findings step', () => {
  it('opens with the verdict: the lead cause, how sure, what to collect, and one button onward', async () => {
    const app = await analysedFindings([new File([SEND_LOG], 'send.log')]);
    const verdict = screen.getByRole('region', { name: 'The sending server does not send its intermediate certificates' });
    expect(within(verdict).getByText(/^How sure: possible only/)).toBeTruthy();
    // A 5.7.64 alone does not prove the cause: the one action is to collect, naming the script that does it.
    expect(within(verdict).getByText(/^Collect more evidence: .*the CAPI2 and transport events/)).toBeTruthy();
    expect(within(verdict).getByText(/collect-evidence\.ps1/)).toBeTruthy();
    const onward = within(verdict).getByRole('button', { name: 'Collect more evidence' });
    expect(screen.getAllByRole('button', { name: /Collect more evidence|Build the fix/ })).toHaveLength(1);
    await fireEvent.click(onward);
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Fix and export' }));
    expect(app.session.currentStepId).toBe('fix');
  });

  it('keeps all findings below the verdict, closed, and expands one to the log lines that prove it', async () => {
    await analysedFindings([new File([SEND_LOG], 'send.log')]);
    const all = screen.getByText(/^All findings \(\d+\)$/);
    const fold = all.closest('details')!;
    expect(fold.open).toBe(false);
    openDetails(all);
    const summary = within(fold).getAllByText(/TenantAttribution/, { selector: 'summary *' })[0]!;
    const details = openDetails(summary);
    const items = await within(details).findAllByText(/send\.log, line \d+/);
    expect(items.length).toBeGreaterThan(1);
    await waitFor(() => expect(items.some((i) => /5\.7\.64/.test(i.closest('li')!.textContent ?? ''))).toBe(true));
  });

  it('shows no raw finding or cause ids', async () => {
    await analysedFindings([new File([SEND_LOG], 'send.log')]);
    for (const d of document.querySelectorAll('details')) {
      d.open = true;
      d.dispatchEvent(new Event('toggle'));
    }
    const text = screen.getByRole('region', { name: 'Findings' }).textContent ?? '';
    expect(text).not.toMatch(/(?<![-\w.])(cause|smtp|chain|cert|connector|remediation|verdict|evidence|wizard|confidence|severity)\.[a-z]+[A-Z][A-Za-z]*/);
  });

  it('lists unreadable files in their own closed section', async () => {
    await analysedFindings([new File([SEND_LOG], 'send.log'), new File(['nothing to see'], 'notes.bin')]);
    const label = screen.getByText('Files that could not be read (1)');
    expect(label.closest('details')!.open).toBe(false);
    expect(within(label.closest('details')!).getByText('notes.bin')).toBeTruthy();
  });

  it('says the evidence is not enough when nothing decisive could be read', async () => {
    await analysedFindings([new File(['nothing to see'], 'notes.bin')]);
    expect(screen.getByText(/None of the evidence could be read/)).toBeTruthy();
  });
});
