import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';
import type { NetworkServices } from '../../../../../electron/main/ipc/network-handlers';
import { CONSENT_REFUSED, oneConsentAtATime, type ConfirmConnection, type ConnectionConsentRequest } from '../../../../../electron/main/consent/connection-consent';
import { issueLeafWithAia } from '../../services/network/local-servers';

/**
 * Main asks before every connection the page requests (issue 19 item 5). The services here are spies that
 * connect nowhere: what matters is whether main called them, and what it asked the user first.
 */
function spyServices(): NetworkServices & { calls: string[] } {
  const calls: string[] = [];
  const none = { ok: false as const, error: { code: 'network.refused' as const, params: {} } };
  return {
    calls,
    probeSmtp: vi.fn(async (o) => (calls.push(`probe ${o.host}:${String(o.port)}`), none)),
    fetchIssuer: vi.fn(async (r) => (calls.push(`get ${r.url}`), none)),
    testRelay: vi.fn(async (o) => (calls.push(`relay ${o.host}:${String(o.port)}`), none)),
  } as NetworkServices & { calls: string[] };
}

function setup(answer: boolean | ((r: ConnectionConsentRequest) => Promise<boolean>)) {
  const asked: ConnectionConsentRequest[] = [];
  const network = spyServices();
  const confirmConnection: ConfirmConnection = async (r) => {
    asked.push(r);
    return typeof answer === 'function' ? answer(r) : answer;
  };
  const h = createHandlers({ pickExportFolder: async () => null, pickSavePath: async () => null, pickCasePath: async () => null, osLocale: () => 'en', confirmConnection, network });
  return { h, asked, network };
}

const dir = mkdtempSync(join(tmpdir(), 'rd-consent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const b64 = (d: Uint8Array): string => Buffer.from(d).toString('base64');
const PASSWORD = 'never-in-a-dialog';
const relayReq = {
  host: 'smtp.example.test',
  heloName: 'relay.contoso.test',
  mailFrom: 'printer@contoso.test',
  rcptTo: 'someone@example.test',
  credentials: { pfxBase64: 'AAAA', password: PASSWORD },
};

describe('network:probe consent', () => {
  it('asks with the host, port, TLS mode and EHLO name it will use, and connects nowhere after a no', async () => {
    const { h, asked, network } = setup(false);
    const r = await dispatch(h, 'network:probe', { host: 'mail.contoso.test' });
    expect(r).toEqual({ ok: false, error: { code: CONSENT_REFUSED } });
    expect(asked).toEqual([{ kind: 'probe', host: 'mail.contoso.test', port: 25, implicitTls: false, heloName: 'relay-doctor.invalid' }]);
    expect(network.calls).toEqual([]);
  });

  it('connects to exactly what was agreed after a yes (port 465 means TLS from the start)', async () => {
    const { h, asked, network } = setup(true);
    await dispatch(h, 'network:probe', { host: 'mail.contoso.test', port: 465 });
    expect(asked).toMatchObject([{ kind: 'probe', port: 465, implicitTls: true }]);
    expect(network.probeSmtp).toHaveBeenCalledWith({ host: 'mail.contoso.test', port: 465, implicitTls: true, heloName: 'relay-doctor.invalid' });
  });
});

describe('network:fetchIssuers consent', () => {
  const leaf = issueLeafWithAia(dir, ['http://pki.contoso.test/int.cer', 'http://other.contoso.test/int.cer']);

  it('lists only the certificate’s own AIA URLs among those agreed, and downloads nothing after a no', async () => {
    const { h, asked, network } = setup(false);
    const r = await dispatch(h, 'network:fetchIssuers', {
      certificates: [b64(leaf)],
      // A page may add any URL it likes; main contacts (and names) only the certificate's own.
      urls: ['http://pki.contoso.test/int.cer', 'http://127.0.0.1:8080/admin'],
    });
    expect(r).toEqual({ ok: false, error: { code: CONSENT_REFUSED } });
    expect(asked).toEqual([{ kind: 'aia', urls: ['http://pki.contoso.test/int.cer'] }]);
    expect(network.calls).toEqual([]);
  });

  it('downloads exactly the listed URLs after a yes', async () => {
    const { h, network } = setup(true);
    await dispatch(h, 'network:fetchIssuers', { certificates: [b64(leaf)], urls: ['http://other.contoso.test/int.cer', 'http://pki.contoso.test/int.cer'] });
    expect(network.calls).toEqual(['get http://pki.contoso.test/int.cer', 'get http://other.contoso.test/int.cer']);
  });

  it('asks nothing and contacts nothing when no agreed URL belongs to the certificates', async () => {
    const { h, asked, network } = setup(true);
    const r = await dispatch(h, 'network:fetchIssuers', { certificates: [b64(leaf)], urls: ['http://127.0.0.1/x.cer'] });
    expect(r).toEqual({ ok: true, value: { captures: [], failures: [] } });
    expect(asked).toEqual([]);
    expect(network.calls).toEqual([]);
  });
});

describe('network:testRelay consent', () => {
  it('names host, port and every SMTP value it will send, never the password, and sends nothing after a no', async () => {
    const { h, asked, network } = setup(false);
    const r = await dispatch(h, 'network:testRelay', relayReq);
    expect(r).toEqual({ ok: false, error: { code: CONSENT_REFUSED } });
    expect(asked).toEqual([{ kind: 'relay', host: 'smtp.example.test', port: 25, heloName: 'relay.contoso.test', mailFrom: 'printer@contoso.test', rcptTo: 'someone@example.test' }]);
    expect(JSON.stringify(asked)).not.toContain(PASSWORD);
    expect(network.calls).toEqual([]);
  });

  it('runs the relay test on the agreed port after a yes', async () => {
    const { h, network } = setup(true);
    await dispatch(h, 'network:testRelay', { ...relayReq, port: 587 });
    expect(network.calls).toEqual(['relay smtp.example.test:587']);
  });
});

describe('oneConsentAtATime', () => {
  it('refuses a second request at once while a dialog is open, and asks again once it is answered', async () => {
    let answer: (yes: boolean) => void = () => undefined;
    const dialog = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const confirm = oneConsentAtATime(dialog);
    const first = confirm({ kind: 'aia', urls: ['http://a.test/x.cer'] });
    expect(await confirm({ kind: 'aia', urls: ['http://b.test/x.cer'] })).toBe(false);
    expect(dialog).toHaveBeenCalledTimes(1);
    answer(true);
    expect(await first).toBe(true);
    const third = confirm({ kind: 'aia', urls: ['http://c.test/x.cer'] });
    answer(false);
    expect(await third).toBe(false);
    expect(dialog).toHaveBeenCalledTimes(2);
  });

  it('treats a dialog that throws, or answers anything but true, as a no', async () => {
    expect(await oneConsentAtATime(async () => Promise.reject(new Error('no window')))({ kind: 'aia', urls: [] })).toBe(false);
    expect(await oneConsentAtATime(async () => 'yes' as unknown as boolean)({ kind: 'aia', urls: [] })).toBe(false);
  });

  it('is applied by the handlers: a page firing two probes at once gets one dialog and one refusal', async () => {
    let answer: (yes: boolean) => void = () => undefined;
    const { h, asked, network } = setup(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const first = dispatch(h, 'network:probe', { host: 'a.contoso.test' });
    const second = await dispatch(h, 'network:probe', { host: 'b.contoso.test' });
    expect(second).toEqual({ ok: false, error: { code: CONSENT_REFUSED } });
    answer(true);
    await first;
    expect(asked.map((a) => a.kind === 'probe' && a.host)).toEqual(['a.contoso.test']);
    expect(network.calls).toEqual(['probe a.contoso.test:25']);
  });
});
