import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatesFromHandshake } from '../../../../../electron/services/network/tls/handshake-certificates';
import { probeSmtp } from '../../../../../electron/services/network/probe-smtp';
import { fixture, LOOPBACK, startSmtp, type RunningSmtp, PATIENT_MS } from './local-servers';

/**
 * Why the probe reads the raw handshake instead of `getPeerCertificate(true)`: Node's walk starts from the
 * peer's list but then asks the context's CA store for the next issuer, so a client whose store holds the
 * intermediate and root "sees" three certificates from a server that sent one. (With no `ca`, the store is
 * Node's Mozilla list: a public root would be appended the same way, which a private test CA cannot show.)
 */
let leafOnly: RunningSmtp;
beforeAll(async () => {
  leafOnly = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem'), secure: true });
});
afterAll(() => leafOnly.close());

describe('exact capture versus Node’s issuer walk', () => {
  it('shows getPeerCertificate(true) adding certificates from the local store that the server never sent', async () => {
    const walked = await new Promise<number>((resolve, reject) => {
      const s = tls.connect({ host: LOOPBACK, port: leafOnly.port, ca: [fixture('int.pem'), fixture('root.pem')], rejectUnauthorized: false }, () => {
        let n = 0;
        const seen = new Set<object>();
        for (let c: tls.DetailedPeerCertificate | undefined = s.getPeerCertificate(true); c?.raw && !seen.has(c); c = c.issuerCertificate) {
          seen.add(c);
          n++;
        }
        s.destroy();
        resolve(n);
      });
      s.on('error', reject);
    });
    expect(walked).toBe(3);
    const probe = await probeSmtp({ host: LOOPBACK, port: leafOnly.port, implicitTls: true, timeoutMs: PATIENT_MS });
    expect(probe.ok && probe.value.certificates.length).toBe(1);
  });

  it('finds no certificate list in bytes that are not a TLS handshake', () => {
    expect(certificatesFromHandshake(Buffer.from('220 mx ESMTP\r\n'), { suite: 'TLS_AES_128_GCM_SHA256' })).toBeNull();
    expect(certificatesFromHandshake(Buffer.alloc(0), { suite: 'TLS_AES_128_GCM_SHA256', handshakeSecret: Buffer.alloc(32) })).toBeNull();
  });

  it('finds no list in TLS 1.3 records when the secret is wrong (and does not throw)', async () => {
    // A real TLS 1.3 server flight is not needed: an application-data record that fails authentication is enough.
    const record = Buffer.concat([Buffer.from([23, 3, 3, 0, 40]), Buffer.alloc(40, 7)]);
    expect(certificatesFromHandshake(record, { suite: 'TLS_AES_256_GCM_SHA384', handshakeSecret: Buffer.alloc(48, 1) })).toBeNull();
  });
});
