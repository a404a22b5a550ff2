import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { memoryCaseStorage } from '../../renderer/src/lib/case-storage';
import { startWithAutosave as start } from './app-harness';

afterEach(cleanup);

describe('Case autosave', () => {
  it('saves the case as it changes and offers to reopen it on the next start', async () => {
    const storage = memoryCaseStorage();
    const first = await start(storage);
    first.session.chooseSymptom('logLine');
    first.session.setAnswer('sendingSystem', 'iis');
    await first.evidence.addFiles([{ name: 'SEND1.log', blob: new Blob(['#Fields: x\n']) }]);
    await waitFor(() => expect(storage.current?.items.map((i) => i.name)).toEqual(['SEND1.log']), { timeout: 2000 });
    cleanup();

    const second = await start(storage);
    expect(screen.getByRole('heading', { name: 'Continue where you left off?' })).toBeTruthy();
    expect(screen.getByText(/with 1 file/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Continue the saved case' }));
    await waitFor(() => expect(second.evidence.items.map((i) => i.name)).toEqual(['SEND1.log']));
    expect(second.session.symptom).toBe('logLine');
    expect(second.session.answers.sendingSystem).toBe('iis');
  });

  it('does not overwrite a saved case before the admin has chosen', async () => {
    const storage = memoryCaseStorage();
    const first = await start(storage);
    first.session.chooseSymptom('ndr');
    await waitFor(() => expect(storage.current?.symptom).toBe('ndr'), { timeout: 2000 });
    cleanup();

    await start(storage);
    await new Promise((r) => setTimeout(r, 600));
    expect(storage.current?.symptom).toBe('ndr');
    await fireEvent.click(screen.getByRole('button', { name: 'Start a new case' }));
    await waitFor(() => expect(storage.current?.symptom ?? null).toBeNull(), { timeout: 2000 });
  });

  it('saves a change made just before the window closes, without waiting for the timer', async () => {
    const storage = memoryCaseStorage();
    const app = await start(storage);
    app.session.chooseSymptom('ndr');
    await Promise.resolve(); // the $effect schedules the save
    await new Promise((r) => queueMicrotask(() => r(null)));
    expect(storage.current).toBeNull(); // still on the 300 ms timer
    await app.autosave.flush(); // what the pagehide handler in main.ts does
    expect(storage.current?.symptom).toBe('ndr');
    await new Promise((r) => setTimeout(r, 400));
    await app.autosave.flush(); // nothing pending any more: no second save of a stale case
    expect(storage.current?.symptom).toBe('ndr');
  });

  // Cases saved before evidence came first counted Start, Environment, Evidence, Findings, Chain, Fix.
  for (const [stepIndex, heading] of [[1, 'Your environment'], [2, 'Evidence'], [3, 'Findings'], [5, 'Fix and export']] as const) {
    it(`reopens an old case saved at step index ${stepIndex} at ${heading}`, async () => {
      const storage = memoryCaseStorage();
      storage.current = {
        version: 1,
        savedAt: '2026-11-20T10:00:00.000Z',
        symptom: 'ndr',
        answers: {},
        stepIndex,
        items: [{ name: 'note.txt', source: 'file', blob: new Blob(['nothing a reader knows']) }],
      };
      await start(storage);
      await fireEvent.click(screen.getByRole('button', { name: 'Continue the saved case' }));
      await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy(), { timeout: 5000 });
    });
  }

  it('saves the step by its id, so a renewal case reopens at its pre-flight with its new certificate', async () => {
    const storage = memoryCaseStorage();
    const first = await start(storage);
    first.session.chooseSymptom('renewal');
    await first.evidence.setNewCertificate({ name: 'new.cer', blob: new Blob(['not really a certificate']) });
    first.session.next();
    first.session.next();
    expect(first.session.currentStepId).toBe('preflight');
    await waitFor(() => expect(storage.current?.step).toBe('preflight'), { timeout: 2000 });
    expect(storage.current?.items).toEqual([expect.objectContaining({ name: 'new.cer', role: 'newCertificate' })]);
    cleanup();

    const second = await start(storage);
    await fireEvent.click(screen.getByRole('button', { name: 'Continue the saved case' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Pre-flight' })).toBeTruthy(), { timeout: 5000 });
    expect(second.evidence.newCertificate?.name).toBe('new.cer');
    expect(second.evidence.items).toHaveLength(0);
    // Not a certificate: the pre-flight says so instead of a verdict.
    expect(screen.getByRole('alert').textContent).toMatch(/No certificate could be read from new\.cer/);
  });
});
