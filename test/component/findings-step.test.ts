import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
// A real Exchange send protocol log with a 5.7.64 reply (read through Vite: these tests run with DOM types only).
import SEND_LOG from '../fixtures/smtp/exchange-send-5.7.64-cert-sent.log?raw';

afterEach(cleanup);


async function analysedFindings(files: File[]) {
  const app = renderApp();
  app.session.chooseSymptom('logLine');
  app.session.next();
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
  const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
  await waitFor(() => expect(next.disabled).toBe(false));
  await fireEvent.click(next);
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Findings' }));
  return app;
}

describe('Findings step', () => {
  it('leads with the verdict and expands a finding to the log lines that prove it', async () => {
    await analysedFindings([new File([SEND_LOG], 'send.log')]);
    expect(screen.getByRole('heading', { level: 3, name: 'A problem was found' })).toBeTruthy();
    const summary = screen.getAllByText(/TenantAttribution/, { selector: 'summary *' })[0]!;
    const details = summary.closest('details')!;
    await fireEvent.click(summary);
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    const items = await within(details).findAllByText(/send\.log, line \d+/);
    expect(items.length).toBeGreaterThan(1);
    // The lines themselves are shown, read from the dropped file; one of them is the 5.7.64 reply.
    await waitFor(() => expect(items.some((i) => /5\.7\.64/.test(i.closest('li')!.textContent ?? ''))).toBe(true));
  });

  it('says the evidence is not enough when nothing decisive could be read', async () => {
    await analysedFindings([new File(['nothing to see'], 'notes.bin')]);
    expect(screen.getByText(/None of the evidence could be read/)).toBeTruthy();
  });
});
