import tls from 'node:tls';
import { fromBER } from 'asn1js';
import { Certificate } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { pemToDerBase64, runtimeTrustAnchors } from '../../../../electron/services/trust-store';

describe('runtimeTrustAnchors', () => {
  const anchors = runtimeTrustAnchors();

  it('returns the runtime Mozilla roots, one per certificate in tls.rootCertificates', () => {
    const mozilla = anchors.filter((a) => a.store === 'mozilla');
    expect(mozilla.length).toBeGreaterThan(0);
    expect(mozilla.length).toBe(new Set(tls.rootCertificates).size);
  });

  it('gives DER that parses as self-issued X.509 certificates', () => {
    for (const a of anchors) {
      const asn = fromBER(Buffer.from(a.derBase64, 'base64'));
      expect(asn.offset, a.derBase64.slice(0, 20)).not.toBe(-1);
      const cert = new Certificate({ schema: asn.result });
      // A trust anchor is a root: its issuer is its subject.
      expect(cert.issuer.isEqual(cert.subject)).toBe(true);
    }
  });

  it('labels the OS store as system only where the runtime can read it', () => {
    const system = anchors.filter((a) => a.store === 'system');
    if (typeof (tls as { getCACertificates?: unknown }).getCACertificates !== 'function') expect(system).toEqual([]);
    for (const a of system) expect(a.derBase64).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});

describe('pemToDerBase64', () => {
  it('extracts every certificate body and ignores surrounding text', () => {
    const pem = 'junk\n-----BEGIN CERTIFICATE-----\nQUJD\nREVG\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\r\nWFla\r\n-----END CERTIFICATE-----';
    expect(pemToDerBase64(pem)).toEqual(['QUJDREVG', 'WFla']);
  });
});
