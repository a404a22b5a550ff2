import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import AboutDialog from '../../renderer/src/components/AboutDialog.svelte';
import { AboutView } from '../../renderer/src/wizard/about.svelte';
import { followLocaleInMain } from '../../renderer/src/lib/main-locale.svelte';
import { Settings } from '../../renderer/src/wizard/settings.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import type { AppInfo } from '../../shared/ipc/contract';
import { memoryStore } from './app-harness';

afterEach(() => {
  cleanup();
  setLocale('en');
});

const INFO: AppInfo = {
  name: 'Relay Doctor',
  version: '0.1.0',
  versions: { electron: '45.1.0', chrome: '142.0.7444.52', node: '22.20.0', uv: '1.51.0' },
  platform: 'win32',
  osLocale: 'en-US',
};

describe('About view', () => {
  it('shows the app:info versions in a modal dialog, focuses Close, and Escape closes it', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const about = new AboutView({ appInfo: async () => ({ ok: true, value: INFO }) });
    render(AboutDialog, { props: { about } });
    await about.show();
    const dialog = await screen.findByRole('dialog', { name: 'About Relay Doctor' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByText('Version 0.1.0')).toBeTruthy();
    expect(screen.getByText('142.0.7444.52')).toBeTruthy();
    expect(screen.queryByText('1.51.0')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' })));

    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

describe('main follows the page language', () => {
  it('tells main the language at startup and after every switch', () => {
    const sent: string[] = [];
    const settings = new Settings(memoryStore(), 'en-US');
    const stop = followLocaleInMain({ appSetLocale: async ({ locale }) => (sent.push(locale), { ok: true, value: null }) }, () => settings.locale);
    flushSync();
    expect(sent).toEqual(['en']);
    settings.chooseLocale('cs');
    flushSync();
    settings.followOsLocale('en-GB'); // a chosen language is kept: nothing new to tell
    flushSync();
    expect(sent).toEqual(['en', 'cs']);
    stop();
  });
});
