import { describe, expect, it } from 'vitest';
import { renderTextSummary } from '../../../../shared/report/text-summary';
import type { Report } from '../../../../shared/model/report';
import { cause, INTERMEDIATE, LEAF, report } from '../fixpack/helpers';

/** A saved report: titles written in English with UTC dates, as `relay-doctor analyze --json` leaves them. */
function saved(): Report {
  const base = report([{ ...cause('cause.intermediatesNotSent', ['remediation.importIntermediates']), title: 'cause.intermediatesNotSent' }], [
    { leaf: LEAF.sha1, path: [LEAF.sha1], status: 'incomplete', trustStore: 'mozilla', missingIssuer: 'O=Relay Doctor Test, CN=Relay Doctor Test Issuing CA 1' },
  ]);
  return {
    ...base,
    certificates: [{ sha1: LEAF.sha1, subject: 'C=CZ, O=Contoso s.r.o., CN=relay.contoso.com' } as Report['certificates'][number]],
    findings: [
      {
        id: 'cert.expired',
        severity: 'high',
        confidence: 'certain',
        params: { position: 'intermediate', subject: INTERMEDIATE.subject, sha1: INTERMEDIATE.sha1, notAfter: '2034-10-01T00:00:00.000Z' },
        evidence: [],
        title: 'A certificate has expired',
        detail: 'The intermediate certificate expired on 2034-10-01T00:00:00.000Z.',
      },
    ],
  };
}

describe('renderTextSummary in plain words', () => {
  it('dates the analysis and the findings in the reader’s zone, not as ISO timestamps', () => {
    const text = renderTextSummary(saved(), 'en', 'Europe/Prague');
    expect(text).toContain('analysis at November 28, 2026 at 1:00 PM GMT+1');
    expect(text).toContain('expired on October 1, 2034 at 2:00 AM GMT+2');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('names causes by their catalog title in the reader’s language, never by id', () => {
    const text = renderTextSummary(saved(), 'cs', 'Europe/Prague');
    expect(text).toContain('Odesílající server neposílá své zprostředkující certifikáty');
    expect(text).not.toContain('cause.intermediatesNotSent');
  });

  it('writes certificate names common name first', () => {
    const text = renderTextSummary(saved(), 'en', 'UTC');
    expect(text).toContain('CN=relay.contoso.com, C=CZ, O=Contoso s.r.o.:');
    expect(text).toContain('CN=Relay Doctor Test Issuing CA 1, O=Relay Doctor Test');
  });
});

describe('plainParams', () => {
  it('reads a TlsCertificateName as "subject (issued by issuer)", CN first, and keeps the exact value apart', async () => {
    const { plainParams, exactTlsNames } = await import('../../../../shared/report/plain-params');
    const params = { connector: 'Outbound to Office 365', tlsCertificateName: '<I>C=US, O=DigiCert Inc, CN=DigiCert G2 TLS RSA SHA256 2020 CA1<S>C=CZ, O=Contoso, CN=relay.contoso.com' };
    expect(plainParams(params, 'en').tlsCertificateName).toBe('CN=relay.contoso.com, C=CZ, O=Contoso (issued by CN=DigiCert G2 TLS RSA SHA256 2020 CA1, C=US, O=DigiCert Inc)');
    expect(plainParams(params, 'en').connector).toBe('Outbound to Office 365');
    expect(exactTlsNames(params)).toEqual([params.tlsCertificateName]);
  });
});
