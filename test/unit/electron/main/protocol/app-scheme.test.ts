import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../electron-mock'));
const electron = await import('../../electron-mock');
const { registerAppScheme, serveAppScheme } = await import('../../../../../electron/main/protocol/app-scheme');

describe('app:// scheme registration', () => {
  it('declares app:// standard and secure, without bypassing the CSP or enabling CORS or service workers', () => {
    electron.resetElectronMock();
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [[schemes]] = electron.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [[Array<{ scheme: string; privileges: Record<string, boolean> }>]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    for (const p of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream']) expect(schemes[0]!.privileges[p], p).toBeUndefined();
  });

  it('answers app:// from the given folder only', async () => {
    electron.resetElectronMock();
    serveAppScheme('/nonexistent-renderer');
    const handler = electron.protocol.handlers.get('app')!;
    expect((await handler(new Request('app://relay-doctor/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://relay-doctor/..%2f..%2fetc%2fpasswd'))).status).toBe(403);
  });
});
