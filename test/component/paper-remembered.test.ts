import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { fileDrop, memoryStore, renderApp } from './app-harness';
import { Settings } from '../../renderer/src/wizard/settings.svelte';
// A real Exchange send protocol log with a 5.7.64 reply (read through Vite: these tests run with DOM types only).
import SEND_LOG from '../fixtures/smtp/exchange-send-5.7.64-cert-sent.log?raw';

afterEach(cleanup);

/** From a fresh start to the paper choice beside "Save fix pack…", through the real engine. */
async function paperPicker(store: ReturnType<typeof memoryStore>, osLocale: string): Promise<HTMLSelectElement> {
  const app = renderApp({ store, osLocale });
  app.settings.chooseLocale('en');
  app.session.chooseSymptom('logLine');
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([new File([SEND_LOG], 'send.log')]));
  await waitFor(() => expect(app.evidence.analysed).toBe(true));
  app.session.furthest = app.session.stepCount - 1;
  app.session.goTo(app.session.indexOf('fix'));
  return (await screen.findByRole('combobox', { name: 'Paper size of guide.pdf' })) as HTMLSelectElement;
}

describe('the paper size of guide.pdf is remembered (issue 21 item 4 leftovers)', () => {
  it('keeps the admin’s Letter on the next start, though the locale prints on A4', async () => {
    const store = memoryStore();
    const first = await paperPicker(store, 'de-DE');
    expect(first.value).toBe('A4');
    await fireEvent.change(first, { target: { value: 'LETTER' } });
    expect(store.data.get('relay-doctor.paper')).toBe('LETTER');
    cleanup();

    const again = await paperPicker(store, 'de-DE');
    expect(again.value).toBe('LETTER');
  });

  it('follows the locale until a choice is made, and ignores a stored value that is no paper size', () => {
    expect(new Settings(memoryStore(), 'en-US').paper).toBe('LETTER');
    expect(new Settings(memoryStore(), 'cs-CZ').paper).toBe('A4');
    expect(new Settings(memoryStore({ 'relay-doctor.paper': 'tabloid' }), 'en-US').paper).toBe('LETTER');
    expect(new Settings(memoryStore({ 'relay-doctor.paper': 'A4' }), 'en-US').paper).toBe('A4');
    expect(new Settings(null, 'en-CA').paper).toBe('LETTER');
  });
});
