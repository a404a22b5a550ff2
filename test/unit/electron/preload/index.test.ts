import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, eventMethodName, methodName } from '../../../../shared/ipc/contract';

vi.mock('electron', () => import('../electron-mock'));

const electron = await import('../electron-mock');
await import('../../../../electron/preload/index');
const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...a: unknown[]) => unknown>];

describe('preload', () => {
  it('exposes window.diag with exactly the contract methods and event subscriptions', () => {
    expect(name).toBe('diag');
    const expected = [...CHANNELS.map((c) => methodName(c)), ...EVENTS.map((e) => eventMethodName(e))].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards one request object to the prefixed channel', async () => {
    await api.appSetLocale!({ locale: 'cs' }, 'extra argument');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('diag:app:setLocale', { locale: 'cs' });
  });

  it('passes only the payload to event listeners and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.onEvidenceOpened!(listener) as () => void;
    const payload = { files: [], rejected: [] };
    electron.ipcRenderer.emit('diag-event:evidence:opened', { sender: 'secret' }, payload);
    expect(listener.mock.calls).toEqual([[payload]]);
    off();
    electron.ipcRenderer.emit('diag-event:evidence:opened', {}, payload);
    expect(listener).toHaveBeenCalledOnce();
  });
});
