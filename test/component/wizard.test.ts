import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within, waitFor } from '@testing-library/svelte';
import { fileDrop, memoryStore, renderApp } from './app-harness';

afterEach(cleanup);

describe('Wizard', () => {
  it('disables Next until a symptom is chosen', async () => {
    renderApp();
    const next = screen.getByRole('button', { name: 'Next' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('radio', { name: /Just check my certificate chain/ }));
    expect((next as HTMLButtonElement).disabled).toBe(false);
  });

  it('moves forward with Next and back with Back, marking the current step', async () => {
    renderApp();
    await fireEvent.click(screen.getByRole('radio', { name: /A non-delivery report/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // Evidence first (issue 21 item 1): the questions come after it, when it has left some open.
    expect(screen.getByRole('heading', { level: 2, name: 'Evidence' })).toBeTruthy();
    const steps = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(steps).getByRole('button', { current: 'step' }).textContent).toContain('Evidence');
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2, name: 'What do you see?' })).toBeTruthy();
  });

  it('keeps Next disabled on the evidence step until the added evidence is analysed', async () => {
    const { session } = renderApp();
    session.chooseSymptom('checkChain');
    session.next(); // evidence comes first
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([new File(['hello'], 'note.txt')]));
    await waitFor(() => expect(next.disabled).toBe(false));
  });
});

describe('Language', () => {
  it('switches to Czech and remembers the choice', async () => {
    const store = memoryStore();
    renderApp({ store });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'cs' } });
    expect(screen.getByRole('heading', { level: 2, name: 'Co vidíte?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Další' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('cs');
    expect(store.data.get('relay-doctor.locale')).toBe('cs');
  });

  it('follows the OS language on first run', () => {
    renderApp({ osLocale: 'cs-CZ' });
    expect(screen.getByRole('heading', { level: 2, name: 'Co vidíte?' })).toBeTruthy();
  });

  it('prefers a remembered choice over the OS language', () => {
    const { settings } = renderApp({ osLocale: 'cs-CZ', store: memoryStore({ 'relay-doctor.locale': 'en' }) });
    settings.followOsLocale('cs-CZ');
    expect(screen.getByRole('heading', { level: 2, name: 'What do you see?' })).toBeTruthy();
  });
});
