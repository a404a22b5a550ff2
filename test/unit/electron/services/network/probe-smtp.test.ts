import { afterEach, describe, expect, it } from 'vitest';
import { probeSmtp } from '../../../../../electron/services/network/probe-smtp';
import { closedPort, fixture, LOOPBACK, pemDers, startRaw, startSmtp } from './local-servers';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function smtpWith(cert: string, extra: Record<string, unknown> = {}) {
  const s = await startSmtp({ key: fixture('server.key'), cert: fixture(cert), ...extra });
  closers.push(() => s.close());
  return s;
}

describe('probeSmtp', () => {
  it('captures exactly one certificate when the server sends its leaf only', async () => {
    const s = await smtpWith('server.pem');
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: 3000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(fixture('server.pem').toString()));
    expect(r.value.chainCapture).toBe('handshake');
  });

  it('captures leaf then intermediate, in sent order, when the server sends the full chain', async () => {
    const s = await smtpWith('server-full.pem');
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: 3000 });
    expect(r.ok && r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(fixture('server-full.pem').toString()));
  });
});
