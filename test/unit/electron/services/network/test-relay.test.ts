import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLSSocket } from 'node:tls';
import { testRelay } from '../../../../../electron/services/network/relay/test-relay';
import { fixture, fixtureText, LOOPBACK, pemDers, startSmtp, type RunningSmtp, PATIENT_MS } from './local-servers';

/**
 * An Exchange-Online-like smart host on loopback: it asks for a client certificate, trusts only the test
 * root (so a client that sends its leaf without the intermediate cannot be validated) and, like EOP, answers
 * RCPT with 550 5.7.64 unless the chain validates AND a CN/SAN equals the connector's certificate name.
 */
const CONNECTOR_NAME = 'relay.contoso.test';
let eop: RunningSmtp;
const messagesReceived: number[] = [];

function namesOf(socket: TLSSocket): string[] {
  const peer = socket.getPeerCertificate();
  const sans = (peer.subjectaltname ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
  return [String(peer.subject?.CN ?? ''), ...sans];
}

beforeAll(async () => {
  const attributed = new Map<string, boolean>();
  eop = await startSmtp({
    key: fixture('server.key'),
    cert: fixture('server-full.pem'),
    ca: fixture('root.pem'),
    requestCert: true,
    rejectUnauthorized: false,
    onSecure(socket, session, cb) {
      const tlsSocket = socket as TLSSocket;
      attributed.set(session.id, tlsSocket.authorized && namesOf(tlsSocket).includes(CONNECTOR_NAME));
      cb();
    },
    onRcptTo(_address, session, cb) {
      if (attributed.get(session.id)) return cb();
      return cb(Object.assign(new Error('5.7.64 TenantAttribution; Relay Access Denied'), { responseCode: 550 }));
    },
    onData(stream, _session, cb) {
      messagesReceived.push(1);
      stream.resume();
      stream.on('end', () => cb());
    },
  });
});
afterAll(() => eop.close());

const base = { host: LOOPBACK, heloName: 'relay.contoso.test', mailFrom: 'printer@contoso.test', rcptTo: 'someone@example.test', timeoutMs: PATIENT_MS };
const rcptReply = (steps: readonly { stage: string; reply: { code: number; enhanced?: string } }[]) => steps.find((s) => s.stage === 'rcptTo')?.reply;

describe('testRelay against an Exchange-Online-like server', () => {
  it('is accepted (250 at RCPT) when the PFX holds the intermediate, and presents leaf + intermediate', async () => {
    const r = await testRelay({ ...base, port: eop.port, credentials: { pfx: fixture('client-full.pfx'), password: 'test-only' } });
    if (!r.ok) throw new Error(`${r.error.code} ${JSON.stringify(r.error)}`);
    expect(r.value.outcome).toBe('accepted');
    expect(rcptReply(r.value.steps)?.code).toBe(250);
    expect(r.value.presentedCertificates?.map((c) => Buffer.from(c))).toEqual(pemDers(fixtureText('client-full.pem')));
  });

  it('gets 550 5.7.64 at RCPT when the PFX holds only the leaf, and shows that only one certificate went out', async () => {
    const r = await testRelay({ ...base, port: eop.port, credentials: { pfx: fixture('client-leaf.pfx'), password: 'test-only' } });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.outcome).toBe('tenantAttributionDenied');
    expect(rcptReply(r.value.steps)).toMatchObject({ code: 550, enhanced: '5.7.64' });
    expect(r.value.presentedCertificates).toHaveLength(1);
  });

  it('is accepted with PEM certificate + intermediate + key', async () => {
    const r = await testRelay({ ...base, port: eop.port, credentials: { certPem: fixtureText('client-full.pem'), keyPem: fixtureText('client.key') } });
    expect(r.ok && r.value.outcome).toBe('accepted');
  });

  it('gets 550 5.7.64 when the chain is complete but the name does not match the connector', async () => {
    const r = await testRelay({
      ...base,
      port: eop.port,
      credentials: { certPem: fixtureText('client-wrongname-full.pem'), keyPem: fixtureText('client-wrongname.key') },
    });
    expect(r.ok && r.value.outcome).toBe('tenantAttributionDenied');
  });

  it('never sends DATA or a message body, whatever the answer, and ends with QUIT', async () => {
    const before = eop.commands.length;
    await testRelay({ ...base, port: eop.port, credentials: { pfx: fixture('client-full.pfx'), password: 'test-only' } });
    await testRelay({ ...base, port: eop.port, credentials: { pfx: fixture('client-leaf.pfx'), password: 'test-only' } });
    const seen = eop.commands.slice(before).map((c) => c.split(/[ :]/)[0]?.toUpperCase());
    expect(seen).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'MAIL', 'RCPT', 'QUIT', 'EHLO', 'STARTTLS', 'EHLO', 'MAIL', 'RCPT', 'QUIT']);
    expect(seen).not.toContain('DATA');
    expect(messagesReceived).toEqual([]);
  });

  it('reads back the presented chain over TLS 1.2 too, where the client Certificate message is in clear', async () => {
    const tls12 = await startSmtp({
      key: fixture('server.key'),
      cert: fixture('server-full.pem'),
      requestCert: true,
      rejectUnauthorized: false,
      maxVersion: 'TLSv1.2',
    });
    try {
      const r = await testRelay({ ...base, port: tls12.port, credentials: { pfx: fixture('client-full.pfx'), password: 'test-only' } });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.tls.protocol).toBe('TLSv1.2');
      expect(r.value.presentedCertificates?.map((c) => Buffer.from(c))).toEqual(pemDers(fixtureText('client-full.pem')));
    } finally {
      await tls12.close();
    }
  });

  it('reports network.tlsFailed when the server refuses the client certificate in the handshake itself', async () => {
    const strict = await startSmtp({
      key: fixture('server.key'),
      cert: fixture('server-full.pem'),
      ca: fixture('root.pem'),
      requestCert: true,
      rejectUnauthorized: true,
    });
    try {
      const r = await testRelay({ ...base, port: strict.port, credentials: { pfx: fixture('client-leaf.pfx'), password: 'test-only' } });
      expect(!r.ok && r.error.code).toBe('network.tlsFailed');
      expect(strict.commands).not.toContain('MAIL FROM:<printer@contoso.test>');
    } finally {
      await strict.close();
    }
  });

  it('rejects a wrong PFX password before opening any connection', async () => {
    const before = eop.commands.length;
    const r = await testRelay({ ...base, port: eop.port, credentials: { pfx: fixture('client-full.pfx'), password: 'wrong' } });
    expect(!r.ok && r.error).toMatchObject({ code: 'network.clientCredentialsInvalid', params: { reason: 'password' } });
    expect(eop.commands.length).toBe(before);
  });

  it('refuses an address that would smuggle a second command', async () => {
    const r = await testRelay({ ...base, port: eop.port, rcptTo: 'a@b.test>\r\nDATA', credentials: { pfx: fixture('client-full.pfx'), password: 'test-only' } });
    expect(!r.ok && r.error).toMatchObject({ code: 'network.invalidAddress', params: { field: 'rcptTo' } });
  });
});
