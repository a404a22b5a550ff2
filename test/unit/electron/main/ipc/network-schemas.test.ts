import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../../../shared/ipc/schemas';
import { isHostName, NETWORK_LIMITS } from '../../../../../shared/network/ipc-schemas';

const probe = requestSchemas['network:probe'];
const fetchIssuers = requestSchemas['network:fetchIssuers'];
const relay = requestSchemas['network:testRelay'];
const relayBase = { host: 'contoso-com.mail.protection.outlook.com', heloName: 'relay.contoso.com', mailFrom: 'a@contoso.com', rcptTo: 'b@example.com' };

describe('network request schemas', () => {
  it.each(['mail.contoso.com', 'contoso-com.mail.protection.outlook.com', '127.0.0.1', '2001:db8::1', 'localhost', 'mail.contoso.com.'])(
    'accepts the host %s',
    (host) => expect(probe.safeParse({ host }).success).toBe(true),
  );

  it.each(['', 'mail contoso.com', 'mail.contoso.com:25', 'http://mail.contoso.com', 'mail/contoso', '-bad.contoso.com', 'a..b', '999.1.1.1', 'mail.contoso.com\r\nQUIT', 'x'.repeat(254), '1::2::3'])(
    'refuses the host %j',
    (host) => {
      expect(isHostName(host)).toBe(false);
      expect(probe.safeParse({ host }).success).toBe(false);
    },
  );

  it.each([0, -1, 65536, 25.5, '25'])('refuses the port %j', (port) => {
    expect(probe.safeParse({ host: 'mail.contoso.com', port }).success).toBe(false);
    expect(relay.safeParse({ ...relayBase, port, credentials: { certPem: 'c', keyPem: 'k' } }).success).toBe(false);
  });

  it('accepts ports 1 and 65535 and refuses fields the contract does not have', () => {
    expect(probe.safeParse({ host: 'mail.contoso.com', port: 1 }).success).toBe(true);
    expect(probe.safeParse({ host: 'mail.contoso.com', port: 65535, implicitTls: true }).success).toBe(true);
    expect(probe.safeParse({ host: 'mail.contoso.com', timeoutMs: 1 }).success).toBe(false);
  });

  it('caps the certificates and URLs a download request may carry', () => {
    const cert = 'MIIB' + 'A'.repeat(100);
    expect(fetchIssuers.safeParse({ certificates: [cert], urls: ['http://pki.contoso.com/int.cer'] }).success).toBe(true);
    expect(fetchIssuers.safeParse({ certificates: [], urls: ['http://x/'] }).success).toBe(false);
    expect(fetchIssuers.safeParse({ certificates: Array(NETWORK_LIMITS.certificates + 1).fill(cert), urls: ['http://x/'] }).success).toBe(false);
    expect(fetchIssuers.safeParse({ certificates: ['A'.repeat(NETWORK_LIMITS.certificateChars + 4)], urls: ['http://x/'] }).success).toBe(false);
    expect(fetchIssuers.safeParse({ certificates: ['not base64!'], urls: ['http://x/'] }).success).toBe(false);
    expect(fetchIssuers.safeParse({ certificates: [cert], urls: ['http://x/' + 'a'.repeat(NETWORK_LIMITS.urlChars)] }).success).toBe(false);
  });

  it('takes a PFX with its password or a PEM pair, never a mix, and refuses SMTP command smuggling', () => {
    expect(relay.safeParse({ ...relayBase, credentials: { pfxBase64: 'MIIK', password: 'secret' } }).success).toBe(true);
    expect(relay.safeParse({ ...relayBase, credentials: { certPem: 'c', keyPem: 'k' } }).success).toBe(true);
    expect(relay.safeParse({ ...relayBase, credentials: { pfxBase64: 'MIIK', password: 'x', keyPem: 'k' } }).success).toBe(false);
    expect(relay.safeParse({ ...relayBase, credentials: { pfxBase64: 'MIIK', password: 'x'.repeat(NETWORK_LIMITS.passwordChars + 1) } }).success).toBe(false);
    expect(relay.safeParse({ ...relayBase, rcptTo: 'b@example.com>\r\nDATA', credentials: { certPem: 'c', keyPem: 'k' } }).success).toBe(false);
    expect(relay.safeParse({ ...relayBase, heloName: '', credentials: { certPem: 'c', keyPem: 'k' } }).success).toBe(false);
  });
});
