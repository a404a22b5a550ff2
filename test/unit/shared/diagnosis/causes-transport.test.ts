import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import type { DiagnosisInput } from '../../../../shared/diagnosis/cause-rule';
import { IP_CONNECTOR, REFUSED, finding, input, session, settings, smtpLog } from './builders';

const causeOf = (id: string, i: DiagnosisInput) => diagnose(i).find((c) => c.id === id);
const attribution = finding('smtp.tenantAttribution');

describe('cause.wrongCertificatePresented (C6)', () => {
  const id = 'cause.wrongCertificatePresented';
  const stale = finding('sendConnector.staleCertificateName', {
    connector: 'Outbound to Office 365',
    tlsCertificateName: '<I>CN=Old CA<S>CN=mail.contoso.com',
  });
  const exchangeSettings = settings({
    certs: [
      { thumbprint: 'OLD1', hasPrivateKey: true, notAfter: '2026-03-01T00:00:00Z', services: ['SMTP'] },
      { thumbprint: 'NEW2', hasPrivateKey: true, notAfter: '2027-03-01T00:00:00Z' },
      { thumbprint: 'SELF3', hasPrivateKey: true, isSelfSigned: true, notAfter: '2031-01-01T00:00:00Z' },
      { thumbprint: 'NOKEY4', hasPrivateKey: false, notAfter: '2028-01-01T00:00:00Z' },
    ],
  });

  it('is certain when the Send connector names a replaced certificate, the log shows the old one going out and EOP answered 5.7.64', () => {
    const oldOut = smtpLog([{ ...session('scanner@contoso.com', REFUSED), certificateSent: { subject: 'CN=mail.contoso.com', thumbprint: 'OLD1', refs: ['SEND20240514-1.LOG#L9'] } }]);
    const cause = causeOf(id, input([stale, attribution], [exchangeSettings, oldOut]));
    expect(cause?.confidence).toBe('certain');
    // From the settings alone the stale name is likely: no log shows which certificate went out.
    expect(causeOf(id, input([stale, attribution], [exchangeSettings]))?.confidence).toBe('likely');
    expect(cause?.params).toEqual({
      sendConnector: 'Outbound to Office 365',
      staleName: '<I>CN=Old CA<S>CN=mail.contoso.com',
      thumbprint: 'NEW2',
    });
  });

  it('is certain when NoCredentials meets a certificate without its private key', () => {
    const cause = causeOf(id, input([finding('smtp.noCredentials'), finding('exchangeCertificate.noPrivateKey', { thumbprint: 'NOKEY4' })]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toEqual({ unusableThumbprint: 'NOKEY4' });
  });

  it('is likely from a stale Send connector name or NoCredentials alone', () => {
    expect(causeOf(id, input([stale]))?.confidence).toBe('likely');
    expect(causeOf(id, input([finding('smtp.noCredentials')]))?.confidence).toBe('likely');
  });

  it('is likely when event 12014 follows a renewal and EOP answered 5.7.64', () => {
    expect(causeOf(id, input([finding('exchange.tlsCertificateNotFound'), attribution], [], { recentRenewal: true }))?.confidence).toBe('likely');
  });

  it('is possible from event 12014 alone, or from the answers: Exchange, renewed, 5.7.64', () => {
    expect(causeOf(id, input([finding('exchange.tlsCertificateNotFound')]))?.confidence).toBe('possible');
    expect(causeOf(id, input([attribution], [], { sendingSystem: 'exchange', recentRenewal: true }))?.confidence).toBe('possible');
  });

  it('ignores event 12013, which is about the internal transport certificate', () => {
    const internal = finding('exchange.tlsCertificateNotFound', { scope: 'internal' });
    expect(causeOf(id, input([{ ...internal, severity: 'medium' }, attribution], [], { recentRenewal: true }))).toBeUndefined();
  });

  it('ignores a certificate without private key that nothing uses (rated medium)', () => {
    const unused = { ...finding('exchangeCertificate.noPrivateKey', { thumbprint: 'OLD9' }), severity: 'medium' as const };
    expect(causeOf(id, input([unused, attribution]))).toBeUndefined();
  });

  it('is ruled out for an IIS relay without any of these findings', () => {
    expect(causeOf(id, input([attribution], [], { sendingSystem: 'iis', recentRenewal: true }))).toBeUndefined();
  });
});

describe('cause.noTls (C8)', () => {
  const id = 'cause.noTls';

  it('is certain when no STARTTLS was issued towards a certificate-based connector that answered 5.7.64', () => {
    expect(causeOf(id, input([finding('smtp.noStartTls'), attribution], [], { connectorType: 'certificate' }))?.confidence).toBe('certain');
  });

  it('is likely from missing STARTTLS or legacy-TLS socket errors when the connector type is unknown', () => {
    expect(causeOf(id, input([finding('smtp.noStartTls'), attribution]))?.confidence).toBe('likely');
    expect(causeOf(id, input([finding('smtp.legacyTls')]))?.confidence).toBe('likely');
  });

  it('is ruled out for an IP-based connector that does not require TLS, and only possible when it does', () => {
    expect(causeOf(id, input([finding('smtp.noStartTls'), attribution], [], { connectorType: 'ip' }))).toBeUndefined();
    const requiring = settings({ inbound: [{ ...IP_CONNECTOR, requireTls: true }] });
    expect(causeOf(id, input([finding('smtp.noStartTls'), attribution], [requiring]))?.confidence).toBe('possible');
  });

  it('is ruled out when TLS was used', () => {
    expect(causeOf(id, input([attribution]))).toBeUndefined();
  });
});

describe('cause.sharedAttribution (C9)', () => {
  const id = 'cause.sharedAttribution';
  const byIp = settings({ inbound: [IP_CONNECTOR] });

  it('is possible when a 5.7.64 on an IP-based connector has no better explanation', () => {
    expect(causeOf(id, input([attribution], [byIp]))?.confidence).toBe('possible');
  });

  it('is ruled out when a changed IP explains the 5.7.64 better', () => {
    expect(causeOf(id, input([attribution, finding('connector.ipNotListed')], [byIp]))).toBeUndefined();
  });

  it('is no longer raised by 4.4.62, which is a wrong smart host (C12, domain.md §1.1 corrected)', () => {
    expect(causeOf(id, input([finding('smtp.wrongRegion')]))).toBeUndefined();
    expect(causeOf(id, input([attribution]))).toBeUndefined();
  });
});

describe('cause.wrongSmartHost (C12)', () => {
  const id = 'cause.wrongSmartHost';
  const legacy = settings({ send: [{ name: 'To Office 365', smartHosts: ['mail.messaging.microsoft.com'] }], accepted: ['contoso.com'] });

  it('is certain when 4.4.62 ATTR35 comes with a Send connector naming a legacy Office 365 host', () => {
    const cause = causeOf(id, input([finding('smtp.wrongRegion')], [legacy]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toMatchObject({ sendConnector: 'To Office 365', smartHost: 'mail.messaging.microsoft.com', suggestedSmartHost: 'contoso-com.mail.protection.outlook.com' });
  });

  it('is likely from 4.4.62 alone and possible from a legacy or literal-IP smart host alone', () => {
    expect(causeOf(id, input([finding('smtp.wrongRegion')]))?.confidence).toBe('likely');
    const literal = settings({ send: [{ name: 'Relay', smartHosts: ['[40.92.0.10]'] }] });
    expect(causeOf(id, input([], [literal]))?.confidence).toBe('possible');
  });

  it('is ruled out for the tenant\'s own endpoint', () => {
    const own = settings({ send: [{ name: 'To Office 365', smartHosts: ['contoso-com.mail.protection.outlook.com'] }] });
    expect(causeOf(id, input([], [own]))).toBeUndefined();
  });
});
