import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import type { DiagnosisInput } from '../../../../shared/diagnosis/cause-rule';
import {
  CERT_CONNECTOR, INTERMEDIATE_SHA1, IP_CONNECTOR, LEAF_SHA1, ROOT_SHA1,
  REFUSED, cert, certificates, finding, input, session, settings, smtpLog,
} from './builders';

const causeOf = (id: string, i: DiagnosisInput) => diagnose(i).find((c) => c.id === id);

const missing = finding(
  'chain.missingIntermediate',
  { missingIssuer: 'CN=Contoso Issuing CA 1', aiaUrls: ['http://aia.contoso.com/ca1.crt'], leaf: LEAF_SHA1.toLowerCase() },
  ['chain.pem', `cert:${LEAF_SHA1}`],
);
const attribution = finding('smtp.tenantAttribution', {}, ['SEND20240514-1.LOG#L12']);
const capi2 = finding('capi2.untrustedRoot', { result: '800B0109', thumbprint: LEAF_SHA1 }, ['capi2.evtx#record:4711']);

describe('cause.intermediatesNotSent (C1)', () => {
  const id = 'cause.intermediatesNotSent';

  it('is certain when CAPI2 on the sending side logged 800B0109 and EOP answered 5.7.64', () => {
    const cause = causeOf(id, input([missing, attribution, capi2]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.findings).toEqual(['capi2.untrustedRoot', 'chain.missingIntermediate', 'smtp.tenantAttribution']);
    expect(cause?.remediation).toEqual(['remediation.importIntermediates']);
    expect(cause?.params).toEqual({
      missingIssuer: 'CN=Contoso Issuing CA 1',
      aiaUrls: ['http://aia.contoso.com/ca1.crt'],
      thumbprint: LEAF_SHA1,
      seenOn: 'events',
    });
    expect(cause?.evidence).toEqual(['capi2.evtx#record:4711', 'chain.pem', `cert:${LEAF_SHA1}`, 'SEND20240514-1.LOG#L12']);
  });

  it('is likely from CAPI2 800B0109 alone or 4.4.317 alone, but only possible from a leaf-only file (what the admin has, not what is sent)', () => {
    expect(causeOf(id, input([missing]))?.confidence).toBe('possible');
    expect(causeOf(id, input([missing, attribution]))?.confidence).toBe('possible');
    expect(causeOf(id, input([capi2]))?.confidence).toBe('likely');
    expect(causeOf(id, input([finding('smtp.untrustedRoot')]))?.confidence).toBe('likely');
  });

  it('ignores a CAPI2 800B0109 the event-log analyzer rated low (not a TLS handshake)', () => {
    const codeSigning = { ...capi2, severity: 'low' as const };
    expect(causeOf(id, input([codeSigning, attribution]))).toBeUndefined();
  });

  it('is only possible when CAPI2 800B0109 is explained by a really untrusted root', () => {
    expect(causeOf(id, input([capi2, finding('chain.untrustedRoot')]))?.confidence).toBe('possible');
  });

  it('says nothing about a leaf-only file when the connector matches by IP, where the chain plays no part', () => {
    expect(causeOf(id, input([missing, attribution], [], { connectorType: 'ip' }))).toBeUndefined();
    const byIp = settings({ inbound: [IP_CONNECTOR] });
    expect(causeOf(id, input([missing, attribution], [byIp]))).toBeUndefined();
    expect(causeOf(id, input([capi2, attribution], [byIp]))?.confidence).toBe('possible');
  });

  const probe = certificates(
    [cert(), cert({ sha1: INTERMEDIATE_SHA1, isCa: true, subject: 'CN=Contoso Issuing CA 1' })],
    'probe',
    'probe:mail.contoso.com:25',
  );
  const completeChain = { leaf: LEAF_SHA1, path: [LEAF_SHA1, INTERMEDIATE_SHA1, ROOT_SHA1], status: 'complete' as const, trustStore: 'mozilla' as const };

  it('is ruled out when the sending side was seen presenting a complete chain and 5.7.64 still occurs', () => {
    expect(causeOf(id, input([missing, attribution], [probe], {}, [completeChain]))).toBeUndefined();
  });

  it('is certain when a probe captured the leaf alone and EOP answered 5.7.64, even with the intermediate supplied as a file', () => {
    const leafOnly = certificates([cert()], 'probe', 'probe:mail.contoso.com:25');
    const suppliedIntermediate = certificates([cert({ sha1: INTERMEDIATE_SHA1, isCa: true, subject: 'CN=Contoso Issuing CA 1' })]);
    const cause = causeOf(id, input([attribution], [leafOnly, suppliedIntermediate], {}, [completeChain]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toMatchObject({ seenOn: 'wire', probeHost: 'mail.contoso.com:25', suppliedToo: true, missingIssuer: 'CN=Contoso Issuing CA 1' });
  });

  it('is likely from a leaf-only probe capture without any refusal', () => {
    const leafOnly = certificates([cert()], 'probe', 'probe:mail.contoso.com:25');
    expect(causeOf(id, input([], [leafOnly], {}, [completeChain]))?.confidence).toBe('likely');
  });

  it('is likely, not certain, when the send log shows another certificate going out than the one the probe saw', () => {
    const leafOnly = certificates([cert()], 'probe', 'probe:mail.contoso.com:25');
    const other = {
      ...session('scanner@contoso.com', REFUSED),
      certificateSent: { subject: 'CN=relay.contoso.com', thumbprint: 'AB'.repeat(20), refs: ['SEND20240514-1.LOG#L9'] },
    };
    const cause = causeOf(id, input([attribution], [leafOnly, smtpLog([other])], {}, [completeChain]));
    expect(cause?.confidence).toBe('likely');
    expect(cause?.params['sendLogCertificate']).toBe('CN=relay.contoso.com');
  });

  it('is ruled out without any chain or CAPI2 finding', () => {
    expect(causeOf(id, input([attribution]))).toBeUndefined();
  });

  const certSent = {
    ...session('scanner@contoso.com', REFUSED),
    certificateSent: { subject: 'CN=mail.contoso.com', thumbprint: LEAF_SHA1.toLowerCase(), refs: ['SEND20240514-1.LOG#L9'] },
  };

  it('is possible when the send log shows a certificate going out, EOP still answers 5.7.64 and nothing else explains it', () => {
    const cause = causeOf(id, input([attribution], [smtpLog([certSent])]));
    expect(cause?.confidence).toBe('possible');
    expect(cause?.params).toEqual({ thumbprint: LEAF_SHA1, seenOn: 'sendLog' });
  });

  it('is likely from the bare symptom when the certificate connector\'s name covers the certificate that went out', () => {
    const cause = causeOf(id, input([attribution], [smtpLog([certSent]), settings({ inbound: [CERT_CONNECTOR] })]));
    expect(cause?.confidence).toBe('likely');
  });

  it('leaves the bare symptom to other causes when another finding explains it, or the connector is IP-based', () => {
    expect(causeOf(id, input([attribution, finding('cert.expired')], [smtpLog([certSent])]))).toBeUndefined();
    expect(causeOf(id, input([attribution], [smtpLog([certSent])], { connectorType: 'ip' }))).toBeUndefined();
  });
});

describe('cause.certificateNameMismatch (C2)', () => {
  const id = 'cause.certificateNameMismatch';
  const mismatch = finding('connector.nameMismatch', { expected: 'mail.contoso.com', names: ['relay.contoso.com'], connector: 'From on-prem' });

  it('is certain when the certificate that went out is not covered by the connector name and EOP answered 5.7.64', () => {
    const sent = smtpLog([{ ...session('scanner@contoso.com', REFUSED), certificateSent: { subject: 'CN=relay.contoso.com', thumbprint: LEAF_SHA1, refs: ['SEND20240514-1.LOG#L9'] } }]);
    const cause = causeOf(id, input([mismatch, attribution], [sent]));
    expect(cause?.confidence).toBe('certain');
    // The same mismatch from an exported file alone is likely: the file may not be what is sent (§11.3).
    expect(causeOf(id, input([mismatch, attribution]))?.confidence).toBe('likely');
    expect(cause?.params).toMatchObject({ inboundConnector: 'From on-prem', currentName: 'mail.contoso.com', expectedName: '*.contoso.com' });
  });

  it('is likely from the mismatch alone, or from a connector value Exchange Online refuses', () => {
    expect(causeOf(id, input([finding('cert.nameMismatch', { expected: 'contoso.com', names: ['*.fabrikam.com'] })]))?.params)
      .toMatchObject({ expectedName: '*.fabrikam.com' });
    expect(causeOf(id, input([mismatch]))?.confidence).toBe('likely');
    expect(causeOf(id, input([finding('connector.invalidName', { expected: 'a.*.contoso.com' })]))?.confidence).toBe('likely');
  });

  it('is possible after a renewal on a certificate connector whose name nobody has given', () => {
    const answers = { connectorType: 'certificate' as const, recentRenewal: true };
    expect(causeOf(id, input([attribution], [], answers))?.confidence).toBe('possible');
  });

  it('is ruled out once the connector name is known and no mismatch was found', () => {
    const answers = { connectorType: 'certificate' as const, recentRenewal: true, tlsSenderCertificateName: '*.contoso.com' };
    expect(causeOf(id, input([attribution], [certificates([cert()])], answers))).toBeUndefined();
    // the settings export answers the name just as well as the admin
    const withConnector = settings({ inbound: [CERT_CONNECTOR] });
    expect(causeOf(id, input([attribution], [withConnector], { recentRenewal: true }))).toBeUndefined();
  });
});

describe('cause.certificateDomainNotAccepted (C4)', () => {
  const id = 'cause.certificateDomainNotAccepted';
  const hostCert = certificates([cert({ dnsNames: ['relay.sub.contoso.com'], commonNames: ['relay.sub.contoso.com'] })]);

  it('is certain on ATTR36', () => {
    expect(causeOf(id, input([finding('smtp.attr36')]))?.confidence).toBe('certain');
  });

  it('is likely when the host certificate sits under a domain the tenant has not accepted and 5.7.64 was seen', () => {
    const cause = causeOf(id, input([attribution], [hostCert, settings({ accepted: ['contoso.com'] })]));
    expect(cause?.confidence).toBe('likely');
    expect(cause?.params).toMatchObject({ certificateDomain: 'relay.sub.contoso.com', suggestedDomain: 'sub.contoso.com' });
    expect(cause?.evidence).toContain(`cert:${LEAF_SHA1}`);
  });

  it('is likely from the settings analyzer\'s accepted-domain cross-check with 5.7.64, and takes its suggestion', () => {
    const cross = finding('acceptedDomain.certificateDomainNotAccepted', {
      certificateNames: ['relay.sub.contoso.com'], acceptedDomains: ['contoso.com'], suggestedDomain: 'sub.contoso.com',
    });
    const cause = causeOf(id, input([cross, attribution]));
    expect(cause?.confidence).toBe('likely');
    expect(cause?.params).toEqual({ certificateDomain: 'relay.sub.contoso.com', suggestedDomain: 'sub.contoso.com', acceptedDomains: ['contoso.com'] });
  });

  it('is possible when the same comparison fails without a 5.7.64', () => {
    expect(causeOf(id, input([], [hostCert, settings({ accepted: ['contoso.com'] })]))?.confidence).toBe('possible');
  });

  it('is ruled out when the parent domain or the wildcard base is accepted', () => {
    expect(causeOf(id, input([attribution], [hostCert, settings({ accepted: ['sub.contoso.com'] })]))).toBeUndefined();
    const wildcard = certificates([cert({ dnsNames: ['*.contoso.com'], commonNames: [] })]);
    expect(causeOf(id, input([attribution], [wildcard, settings({ accepted: ['contoso.com'] })]))).toBeUndefined();
  });

  it('stays silent without the accepted domains rather than guessing', () => {
    expect(causeOf(id, input([attribution], [hostCert]))).toBeUndefined();
  });
});

describe('cause.certificateInvalid (C10)', () => {
  const id = 'cause.certificateInvalid';
  const expired = finding('cert.expired', { position: 'leaf', date: '2026-10-01T00:00:00Z' }, [`cert:${LEAF_SHA1}`]);

  it('is certain when the expired leaf is seen going out and EOP answered 5.7.64, or when two sources saw the expiry', () => {
    const sent = smtpLog([{ ...session('scanner@contoso.com', REFUSED), certificateSent: { subject: 'CN=mail.contoso.com', thumbprint: LEAF_SHA1, refs: ['SEND20240514-1.LOG#L9'] } }]);
    expect(causeOf(id, input([expired, attribution], [sent]))?.confidence).toBe('certain');
    // An exported file is what the admin has: without the log it is likely, not certain (§11.3).
    expect(causeOf(id, input([expired, attribution]))?.confidence).toBe('likely');
    expect(causeOf(id, input([expired, finding('exchange.tlsCertificateExpired')]))?.confidence).toBe('certain');
    expect(causeOf(id, input([expired]))?.params).toEqual({ thumbprint: LEAF_SHA1, notAfter: '2026-10-01T00:00:00Z', position: 'leaf' });
  });

  it('is likely from a self-signed leaf or an untrusted root alone', () => {
    expect(causeOf(id, input([finding('chain.selfSignedLeaf')]))?.confidence).toBe('likely');
    expect(causeOf(id, input([finding('chain.untrustedRoot')]))?.confidence).toBe('likely');
  });

  it('is only possible for a weak signature, since EOP does not document its rule', () => {
    expect(causeOf(id, input([finding('cert.weakSignature'), attribution]))?.confidence).toBe('possible');
  });

  it('is ruled out when no certificate defect was found', () => {
    expect(causeOf(id, input([attribution, finding('chain.rootIncluded')]))).toBeUndefined();
  });
});

describe('cause.clientAuthEkuMissing (§10)', () => {
  const id = 'cause.clientAuthEkuMissing';
  const noEku = finding('cert.noClientAuthEku', {}, [`cert:${LEAF_SHA1}`]);

  it('is possible, never more, when nothing else explains the failure', () => {
    const cause = causeOf(id, input([noEku, attribution], [], { recentRenewal: true }));
    expect(cause?.confidence).toBe('possible');
    expect(cause?.params).toEqual({ thumbprint: LEAF_SHA1, recentRenewal: true });
  });

  it('stays possible even next to a cause that is itself only possible', () => {
    expect(causeOf(id, input([noEku, finding('cert.weakKey'), attribution]))?.confidence).toBe('possible');
  });

  it('needs a refusal: a serverAuth-only leaf alone explains nothing', () => {
    expect(causeOf(id, input([noEku]))).toBeUndefined();
  });

  it('is ruled out when a certain cause explains the failure, and stays possible next to a likely one (§11.5)', () => {
    expect(causeOf(id, input([noEku, capi2, attribution]))).toBeUndefined();
    expect(causeOf(id, input([noEku, finding('smtp.untrustedRoot'), attribution]))?.confidence).toBe('possible');
  });

  it('is ruled out for an IP-based connector, which needs no client certificate', () => {
    expect(causeOf(id, input([noEku], [], { connectorType: 'ip' }))).toBeUndefined();
  });
});
