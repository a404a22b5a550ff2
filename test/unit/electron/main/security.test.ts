import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-mock'));
const { createExternalOpener, isSafeExternalUrl } = await import('../../../../electron/main/security');
const { withCspHeader } = await import('../../../../electron/main/csp');

describe('isSafeExternalUrl', () => {
  it('allows only https without credentials', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com/a?b#c')).toBe(true);
    for (const u of ['http://x.example', 'file:///c:/windows', 'smb://host/share', 'ms-settings:', 'https://u:p@x.example', 'nonsense']) {
      expect(isSafeExternalUrl(u), u).toBe(false);
    }
  });
});

describe('createExternalOpener', () => {
  it('opens only after confirmation, and never asks about unsafe links', async () => {
    const confirm = vi.fn(async () => false);
    const open = vi.fn(async () => undefined);
    const opener = createExternalOpener({ confirm, open });
    expect(await opener('http://x.example')).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(await opener('https://x.example')).toBe(false);
    expect(open).not.toHaveBeenCalled();
    confirm.mockResolvedValueOnce(true);
    expect(await opener('https://x.example')).toBe(true);
    expect(open).toHaveBeenCalledWith('https://x.example');
  });
});

describe('withCspHeader', () => {
  it('replaces a CSP header of any case and keeps the others', () => {
    const out = withCspHeader({ 'CONTENT-SECURITY-POLICY': ['default-src *'], 'X-Other': 'a' }, "default-src 'none'");
    expect(out).toEqual({ 'X-Other': ['a'], 'Content-Security-Policy': ["default-src 'none'"] });
  });
});
