import { afterEach, describe, expect, it } from 'vitest';
import { probeSmtp } from '../../../../../electron/services/network/probe-smtp';
import { closedPort, fixture, LOOPBACK, pemDers, startRaw, startSmtp, PATIENT_MS } from './local-servers';

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
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(fixture('server.pem').toString()));
    expect(r.value.chainCapture).toBe('handshake');
  });

  it('captures leaf then intermediate, in sent order, when the server sends the full chain', async () => {
    const s = await smtpWith('server-full.pem');
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS });
    expect(r.ok && r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(fixture('server-full.pem').toString()));
  });
});

describe('probeSmtp keeps the list as sent', () => {
  const misordered = Buffer.concat([fixture('server.pem'), fixture('root.pem'), fixture('int.pem')]);

  it('keeps a wrongly ordered chain in the order the server sent it (TLS 1.3)', async () => {
    const s = await smtpWith('server.pem', { cert: misordered });
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.tls.protocol).toBe('TLSv1.3');
    expect(r.value.chainCapture).toBe('handshake');
    expect(r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(misordered.toString()));
  });

  it('keeps a wrongly ordered chain in the order the server sent it (TLS 1.2)', async () => {
    const s = await smtpWith('server.pem', { cert: misordered, maxVersion: 'TLSv1.2' });
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.tls.protocol).toBe('TLSv1.2');
    expect(r.value.chainCapture).toBe('handshake');
    expect(r.value.certificates.map((c) => Buffer.from(c))).toEqual(pemDers(misordered.toString()));
  });
});

describe('probeSmtp reports the conversation', () => {
  it('returns banner, EHLO keywords before and after TLS, cipher, timings and transcript', async () => {
    const s = await smtpWith('server-full.pem', { name: 'mx.contoso.test', banner: 'Relay Doctor test' });
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS, heloName: 'probe.contoso.test' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.banner.join(' ')).toContain('mx.contoso.test');
    expect(r.value.capabilities).toContain('STARTTLS');
    expect(r.value.capabilitiesAfterTls).not.toContain('STARTTLS');
    expect(r.value.tls.cipherStandardName).toMatch(/^TLS_/);
    expect(r.value.timings.map((t) => t.stage)).toEqual(['connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehloTls', 'quit']);
    expect(r.value.transcript).toContain('C: EHLO probe.contoso.test');
    expect(r.value.transcript).toContain('C: STARTTLS');
    expect(s.commands).toEqual(['EHLO probe.contoso.test', 'STARTTLS', 'EHLO probe.contoso.test', 'QUIT']);
  });

  it('speaks TLS from the first byte on 465-style implicit TLS', async () => {
    const s = await smtpWith('server-full.pem', { secure: true });
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, implicitTls: true, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.implicitTls).toBe(true);
    expect(r.value.capabilities).toEqual([]);
    expect(r.value.certificates).toHaveLength(2);
    expect(s.commands).not.toContain('STARTTLS');
  });
});

describe('probeSmtp by name', () => {
  it('times the name lookup and sends the name as SNI', async () => {
    let servername: string | undefined;
    const s = await smtpWith('server-full.pem', {
      onSecure(_socket: unknown, session: { servername?: string }, cb: () => void) {
        servername = session.servername;
        cb();
      },
    });
    // Resolves only this test name, to loopback: no real DNS server is asked.
    const lookup = ((host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
      if (host !== 'mx.contoso.test') return cb(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
      return opts.all ? cb(null, [{ address: LOOPBACK, family: 4 }]) : cb(null, LOOPBACK, 4);
    }) as never;
    const r = await probeSmtp({ host: 'mx.contoso.test', port: s.port, timeoutMs: PATIENT_MS }, { lookup });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.timings[0]?.stage).toBe('dns');
    expect(r.value.remoteAddress).toBe(LOOPBACK);
    expect(servername).toBe('mx.contoso.test');
  });
});

describe('probeSmtp failures', () => {
  it('reports network.noStartTls with the EHLO transcript when STARTTLS is not offered', async () => {
    const s = await smtpWith('server.pem', { hideSTARTTLS: true });
    const r = await probeSmtp({ host: LOOPBACK, port: s.port, timeoutMs: PATIENT_MS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('network.noStartTls');
    expect(r.error.transcript?.some((l) => l.startsWith('S: 250'))).toBe(true);
  });

  it('reports network.refused when nothing listens on the port', async () => {
    const r = await probeSmtp({ host: LOOPBACK, port: await closedPort(), timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.refused');
  });

  it('reports network.timeout when the server accepts but never greets', async () => {
    const silent = await startRaw(() => undefined);
    closers.push(() => silent.close());
    const r = await probeSmtp({ host: LOOPBACK, port: silent.port, timeoutMs: 300 });
    expect(!r.ok && r.error.code).toBe('network.timeout');
    expect(!r.ok && r.error.params?.['stage']).toBe('banner');
    // The given timeout was the one applied (not the default), read from the error rather than a clock.
    expect(!r.ok && r.error.params?.['ms']).toBe(300);
  });

  it('reports network.dnsFailed when the name does not resolve', async () => {
    // The resolver is injected: asking a real DNS server is off-limits in tests.
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND mx.nowhere.invalid'), { code: 'ENOTFOUND' });
    const lookup = ((_h: string, _o: unknown, cb: (e: Error) => void) => cb(notFound)) as never;
    const r = await probeSmtp({ host: 'mx.nowhere.invalid', timeoutMs: PATIENT_MS }, { lookup });
    expect(!r.ok && r.error.code).toBe('network.dnsFailed');
  });

  it('reports network.tlsFailed when the server answers STARTTLS and then sends no TLS', async () => {
    const fake = await startRaw((sock) => {
      sock.write('220 fake ESMTP\r\n');
      sock.on('data', (d) => {
        const line = d.toString();
        if (line.startsWith('EHLO')) sock.write('250-fake\r\n250 STARTTLS\r\n');
        else if (line.startsWith('STARTTLS')) sock.write('220 go ahead\r\n', () => setTimeout(() => sock.end('this is not TLS\r\n'), 20));
      });
    });
    closers.push(() => fake.close());
    const r = await probeSmtp({ host: LOOPBACK, port: fake.port, timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.tlsFailed');
  });

  it('reports network.timeout at the tls stage when the server goes silent after its STARTTLS go-ahead', async () => {
    const stall = await startRaw((sock) => {
      sock.write('220 fake ESMTP\r\n');
      sock.on('data', (d) => {
        const line = d.toString();
        if (line.startsWith('EHLO')) sock.write('250-fake\r\n250 STARTTLS\r\n');
        else if (line.startsWith('STARTTLS')) sock.write('220 go ahead\r\n');
      });
    });
    closers.push(() => stall.close());
    const r = await probeSmtp({ host: LOOPBACK, port: stall.port, timeoutMs: 300 });
    expect(!r.ok && r.error).toMatchObject({ code: 'network.timeout', params: { stage: 'tls' } });
  });

  it('reports network.protocolError when the peer is not an SMTP server', async () => {
    const http = await startRaw((sock) => sock.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    closers.push(() => http.close());
    const r = await probeSmtp({ host: LOOPBACK, port: http.port, timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.protocolError');
  });

  it('refuses plaintext the server pipelines after its STARTTLS go-ahead', async () => {
    const injector = await startRaw((sock) => {
      sock.write('220 fake ESMTP\r\n');
      sock.on('data', (d) => {
        const line = d.toString();
        if (line.startsWith('EHLO')) sock.write('250-fake\r\n250 STARTTLS\r\n');
        else if (line.startsWith('STARTTLS')) sock.write('220 go ahead\r\n250 injected\r\n');
      });
    });
    closers.push(() => injector.close());
    const r = await probeSmtp({ host: LOOPBACK, port: injector.port, timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.protocolError');
    expect(!r.ok && r.error.params?.['stage']).toBe('starttls');
  });

  it('reports network.invalidTarget for a port outside 1–65535 without connecting', async () => {
    const r = await probeSmtp({ host: LOOPBACK, port: 70000 });
    expect(!r.ok && r.error.code).toBe('network.invalidTarget');
  });
});
