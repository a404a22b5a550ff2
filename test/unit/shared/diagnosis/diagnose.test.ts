import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import { CAUSE_RULES } from '../../../../shared/diagnosis/causes';
import { remediationById } from '../../../../shared/remediation/catalog';
import { format, has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import { CERT_CONNECTOR, IP_CONNECTOR, LEAF_SHA1, REFUSED, cert, certificates, finding, input, session, settings, smtpLog } from './builders';
import type { DiagnosisInput } from '../../../../shared/diagnosis/cause-rule';

/** findings.md "Causes", in the order of domain.md §1.3 (C1–C10), §10 and C12. */
const CAUSE_IDS = [
  'cause.intermediatesNotSent',
  'cause.certificateNameMismatch',
  'cause.senderIpChanged',
  'cause.certificateDomainNotAccepted',
  'cause.envelopeSenderNotAccepted',
  'cause.wrongCertificatePresented',
  'cause.noMatchingConnector',
  'cause.noTls',
  'cause.sharedAttribution',
  'cause.certificateInvalid',
  'cause.clientAuthEkuMissing',
  'cause.wrongSmartHost',
];

describe('the cause registry', () => {
  it('has one rule per cause of findings.md, in C1–C10, §10, C12 order', () => {
    expect(CAUSE_RULES.map((r) => r.id)).toEqual(CAUSE_IDS);
  });

  it('gives every cause a title and detail in every language, without parameters that might be missing', () => {
    for (const locale of LOCALES) {
      for (const id of CAUSE_IDS) {
        for (const part of ['title', 'detail']) {
          expect(has(locale, `${id}.${part}`), `${locale}:${id}.${part}`).toBe(true);
          expect(() => format(locale, `${id}.${part}`)).not.toThrow();
        }
      }
    }
  });
});

/** One input that raises each cause, so every cause is shown to exist with a catalogued remediation. */
const TRIGGERS: Record<string, DiagnosisInput> = {
  'cause.intermediatesNotSent': input([finding('chain.missingIntermediate')]),
  'cause.certificateNameMismatch': input([finding('cert.nameMismatch')]),
  'cause.senderIpChanged': input([finding('connector.ipNotListed')]),
  'cause.certificateDomainNotAccepted': input([finding('smtp.attr36')]),
  'cause.envelopeSenderNotAccepted': input([finding('smtp.tenantAttribution')], [settings({ inbound: [IP_CONNECTOR] }), smtpLog([session('', REFUSED)])]),
  'cause.wrongCertificatePresented': input([finding('smtp.noCredentials')]),
  'cause.noMatchingConnector': input([], [settings({ inbound: [{ ...CERT_CONNECTOR, enabled: false }] })]),
  'cause.noTls': input([finding('smtp.noStartTls')]),
  'cause.sharedAttribution': input([finding('smtp.tenantAttribution')], [settings({ inbound: [IP_CONNECTOR] })]),
  'cause.wrongSmartHost': input([finding('smtp.wrongRegion')]),
  'cause.certificateInvalid': input([finding('cert.expired')]),
  'cause.clientAuthEkuMissing': input([finding('cert.noClientAuthEku'), finding('smtp.tenantAttribution')]),
};

describe('every cause of findings.md', () => {
  for (const id of CAUSE_IDS) {
    it(`${id} can be diagnosed and names a remediation of the catalog`, () => {
      const trigger = TRIGGERS[id];
      expect(trigger).toBeDefined();
      const cause = diagnose(trigger!).find((c) => c.id === id);
      expect(cause).toBeDefined();
      expect(cause?.remediation.length).toBeGreaterThan(0);
      for (const r of cause?.remediation ?? []) expect(remediationById(r), r).toBeDefined();
    });
  }
});

describe('diagnose', () => {
  const attribution = finding('smtp.tenantAttribution');

  it('ranks certain causes before likely and possible ones, registry order among equals', () => {
    const causes = diagnose(
      input([
        finding('cert.weakSignature'), // C10 possible
        finding('connector.ipNotListed'), // C3 certain (with 5.7.64)
        finding('capi2.untrustedRoot'), // C1 certain (with 5.7.64)
        finding('connector.nameMismatch'), // C2 certain (with 5.7.64)
        attribution,
      ]),
    );
    expect(causes.map((c) => [c.id, c.confidence])).toEqual([
      ['cause.intermediatesNotSent', 'certain'],
      ['cause.certificateNameMismatch', 'certain'],
      ['cause.senderIpChanged', 'certain'],
      ['cause.certificateInvalid', 'possible'],
    ]);
  });

  it('names remediation ids that all exist in the catalog', () => {
    const causes = diagnose(
      input([
        finding('chain.missingIntermediate'), finding('connector.nameMismatch'), finding('connector.ipNotListed'),
        finding('smtp.attr36'), finding('sendConnector.staleCertificateName'), finding('smtp.noStartTls'),
        finding('cert.expired'), finding('connector.disabled'),
      ]),
    );
    expect(causes.length).toBeGreaterThanOrEqual(8);
    for (const c of causes) for (const r of c.remediation) expect(remediationById(r), r).toBeDefined();
  });

  it('returns no cause for a complete chain, a matching name and a log without errors', () => {
    const chain = certificates([
      cert(),
      cert({ sha1: 'BB', isCa: true, subject: 'CN=Contoso Issuing CA 1', dnsNames: [], commonNames: ['Contoso Issuing CA 1'] }),
    ]);
    const log = smtpLog([session('scanner@contoso.com', '250 2.1.5 Recipient OK')]);
    const tenant = settings({ inbound: [CERT_CONNECTOR], accepted: ['contoso.com'] });
    const findings = [finding('chain.rootIncluded', {}, [`cert:${LEAF_SHA1}`])];
    expect(diagnose(input(findings, [chain, log, tenant], { recentRenewal: true, internalMailFlows: true }))).toEqual([]);
  });

  it('is never certain from evidence that has nothing to do with relaying', () => {
    const unrelated = [finding('capi2.revocationOffline'), finding('chain.wrongOrder'), finding('cert.expiresSoon'), finding('smtp.outdatedServer')];
    expect(diagnose(input(unrelated))).toEqual([]);
  });

  it('combines the evidence with the answers: Get-InboundConnector makes the connector certificate-based', () => {
    const noStartTls = [finding('smtp.noStartTls'), attribution];
    expect(diagnose(input(noStartTls)).find((c) => c.id === 'cause.noTls')?.confidence).toBe('likely');
    const withSettings = input(noStartTls, [settings({ inbound: [CERT_CONNECTOR] })]);
    expect(diagnose(withSettings).find((c) => c.id === 'cause.noTls')?.confidence).toBe('certain');
  });

  it('lets an explicit answer win over the evidence, but not "I don\'t know"', () => {
    const noStartTls = [finding('smtp.noStartTls'), attribution];
    const evidence = [settings({ inbound: [CERT_CONNECTOR] })];
    // Answered IP-based: a plain session needs no TLS there (unless RequireTls), so C8 is not raised at all.
    expect(diagnose(input(noStartTls, evidence, { connectorType: 'ip' })).find((c) => c.id === 'cause.noTls')).toBeUndefined();
    expect(diagnose(input(noStartTls, evidence, { connectorType: 'unknown' })).find((c) => c.id === 'cause.noTls')?.confidence).toBe('certain');
  });
});
