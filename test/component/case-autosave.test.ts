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
});
