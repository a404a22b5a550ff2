import { describe, expect, it } from 'vitest';
import { decodeCertificate } from '../../../../shared/x509/index';
import { fixture, nodeCertificates, thumbprint } from './fixtures';

describe('decodeCertificate', () => {
  const der = fixture('leaf-only.cer');
  const node = nodeCertificates('leaf-only.pem')[0]!;

  it('gives the Windows thumbprint, SHA-256 and serial that an independent parser computes', () => {
    const r = decodeCertificate(der);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.sha1).toBe(thumbprint(node));
    expect(r.value.sha256).toBe(node.fingerprint256.replace(/:/g, ''));
    expect(r.value.serial).toBe(node.serialNumber.toUpperCase().padStart(r.value.serial.length, '0'));
  });

  it('shows names most specific first, as Windows does, and builds the Send connector name from them', () => {
    const r = decodeCertificate(der);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.subject).toBe('CN=relay.contoso.com, O=Contoso, C=CZ');
    expect(r.value.issuer).toBe('CN=Relay Doctor Test Issuing CA, O=Relay Doctor Test, C=CZ');
    expect(r.value.sendConnectorName).toBe(
      '<I>CN=Relay Doctor Test Issuing CA, O=Relay Doctor Test, C=CZ<S>CN=relay.contoso.com, O=Contoso, C=CZ',
    );
  });

  it('reads SANs, EKU, basic constraints, key identifiers, AIA and CDP', () => {
    const r = decodeCertificate(der);
    if (!r.ok) throw new Error(r.error.code);
    const c = r.value;
    expect(c.dnsNames).toEqual(['relay.contoso.com', 'mail.contoso.com']);
    expect(c.commonNames).toEqual(['relay.contoso.com']);
    expect(c.eku).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(c.isCa).toBe(false);
    expect(c.selfSigned).toBe(false);
    expect(c.aiaCaIssuers).toEqual(['http://pki.relay-doctor.test/issuing.cer']);
    expect(c.crlUrls).toEqual(['http://pki.relay-doctor.test/issuing.crl']);
    expect(c.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(c.authorityKeyId).toMatch(/^[0-9A-F]{40}$/);
    expect(c.publicKey).toEqual({ algorithm: 'RSA', bits: 2048 });
    expect(c.signatureAlgorithm).toBe('sha256RSA');
    expect(c.notBefore).toBe('2025-01-01T00:00:00.000Z');
    expect(c.notAfter).toBe('2045-01-01T00:00:00.000Z');
  });

  it('reads key sizes of RSA-1024 and EC P-256 leaves and a SHA-1 signature', () => {
    const rsa = decodeCertificate(new Uint8Array(nodeCertificates('leaf-rsa1024.pem')[0]!.raw));
    const ec = decodeCertificate(new Uint8Array(nodeCertificates('leaf-ec256.pem')[0]!.raw));
    const sha1 = decodeCertificate(new Uint8Array(nodeCertificates('leaf-sha1.pem')[0]!.raw));
    expect(rsa.ok && rsa.value.publicKey).toEqual({ algorithm: 'RSA', bits: 1024 });
    expect(ec.ok && ec.value.publicKey).toEqual({ algorithm: 'EC', bits: 256, name: 'P-256' });
    expect(sha1.ok && sha1.value.signatureHash).toBe('SHA-1');
  });

  it('marks a root as a self-signed CA', () => {
    const r = decodeCertificate(new Uint8Array(nodeCertificates('root.pem')[0]!.raw));
    expect(r.ok && r.value.isCa && r.value.selfSigned).toBe(true);
  });

  it('calls truncated DER damaged and non-DER unrecognized, without throwing', () => {
    expect(decodeCertificate(fixture('leaf-truncated.cer'))).toEqual({ ok: false, error: { code: 'input.damaged' } });
    expect(decodeCertificate(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      error: { code: 'input.unrecognized' },
    });
    // A SEQUENCE that is not a certificate.
    expect(decodeCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])).ok).toBe(false);
  });
});
