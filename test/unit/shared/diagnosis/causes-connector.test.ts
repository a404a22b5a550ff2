import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import type { DiagnosisInput } from '../../../../shared/diagnosis/cause-rule';
import { ACCEPTED, CERT_CONNECTOR, IP_CONNECTOR, REFUSED, finding, input, session, settings, smtpLog } from './builders';

const causeOf = (id: string, i: DiagnosisInput) => diagnose(i).find((c) => c.id === id);
const attribution = finding('smtp.tenantAttribution', {}, ['SEND20240514-1.LOG#L12']);

describe('cause.senderIpChanged (C3)', () => {
  const id = 'cause.senderIpChanged';
  const notListed = finding('connector.ipNotListed', { ip: '203.0.113.7', listed: ['198.51.100.25'], connector: 'Relay by IP' });

  it('is certain when the source IP is not on the connector and EOP answered 5.7.64', () => {
    const cause = causeOf(id, input([notListed, attribution]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toEqual({ inboundConnector: 'Relay by IP', senderIp: '203.0.113.7', listedIps: ['198.51.100.25'] });
  });

  it('is likely from the connector finding alone', () => {
    expect(causeOf(id, input([notListed]))?.confidence).toBe('likely');
  });

  it('is possible when the admin says the connector matches by IP and 5.7.64 was seen', () => {
    expect(causeOf(id, input([attribution], [], { connectorType: 'ip' }))?.confidence).toBe('possible');
    // the same answer, given by Get-InboundConnector output, also names the connector and its addresses
    expect(causeOf(id, input([attribution], [settings({ inbound: [IP_CONNECTOR] })]))?.params).toEqual({
      inboundConnector: 'Relay by IP',
      listedIps: ['198.51.100.25'],
    });
  });

  it('takes the sending IP from the address EOP greeted in a refused session', () => {
    const refused = { ...session('scanner@contoso.com', REFUSED), observedClientIp: '203.0.113.7' };
    const cause = causeOf(id, input([attribution], [settings({ inbound: [IP_CONNECTOR] }), smtpLog([refused])]));
    expect(cause?.params['senderIp']).toBe('203.0.113.7');
  });

  it('is ruled out for a certificate-based connector', () => {
    expect(causeOf(id, input([attribution], [settings({ inbound: [CERT_CONNECTOR] })]))).toBeUndefined();
    expect(causeOf(id, input([attribution], [], { connectorType: 'unknown' }))).toBeUndefined();
  });
});

describe('cause.envelopeSenderNotAccepted (C5)', () => {
  const id = 'cause.envelopeSenderNotAccepted';
  const ipTenant = settings({ inbound: [IP_CONNECTOR], accepted: ['contoso.com'] });

  it('is certain when null-sender mail is refused while accepted-domain mail goes through the same IP connector from the same source', () => {
    const log = smtpLog([session('', REFUSED), session('scanner@contoso.com', ACCEPTED)]);
    const cause = causeOf(id, input([attribution], [ipTenant, log]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toEqual({ envelopeSender: '<>', acceptedDomain: 'contoso.com' });
    expect(cause?.evidence.some((r) => /^SEND20240514-1\.LOG#L\d+$/.test(r))).toBe(true);
  });

  it('is likely when only refused sessions with a sender outside the accepted domains are seen', () => {
    const log = smtpLog([session('app@vendor.example', REFUSED)]);
    expect(causeOf(id, input([attribution], [ipTenant, log]))?.confidence).toBe('likely');
  });

  it('is possible when the accepted domains are unknown and only a null sender is refused', () => {
    const log = smtpLog([session('', REFUSED)]);
    expect(causeOf(id, input([attribution], [settings({ inbound: [IP_CONNECTOR] }), log]))?.confidence).toBe('possible');
  });

  it('reads IIS SMTP replies whose spaces are logged as plus signs', () => {
    const iis = smtpLog([session('', '550+5.7.64+TenantAttribution;+Relay+Access+Denied', 'ex240514.log')], 'iis', 'ex240514.log');
    expect(causeOf(id, input([attribution], [ipTenant, iis]))?.confidence).toBe('likely');
  });

  it('is ruled out when accepted-domain senders are refused too, or the connector is certificate-based', () => {
    const mixed = smtpLog([session('', REFUSED), session('scanner@contoso.com', REFUSED)]);
    expect(causeOf(id, input([attribution], [ipTenant, mixed]))).toBeUndefined();
    const byCert = settings({ inbound: [CERT_CONNECTOR], accepted: ['contoso.com'] });
    expect(causeOf(id, input([attribution], [byCert, smtpLog([session('', REFUSED)])]))).toBeUndefined();
  });
});

describe('cause.noMatchingConnector (C7)', () => {
  const id = 'cause.noMatchingConnector';
  const disabled = { ...CERT_CONNECTOR, enabled: false };
  const partner = { ...IP_CONNECTOR, connectorType: 'Partner' };

  it('is certain when every listed connector is disabled or Partner and EOP answered 5.7.64', () => {
    const cause = causeOf(id, input([attribution, finding('connector.disabled', { connector: 'From on-prem' })], [settings({ inbound: [disabled, partner] })]));
    expect(cause?.confidence).toBe('certain');
    expect(cause?.params).toEqual({ inboundConnector: 'From on-prem', connectorType: 'OnPremises' });
    expect(cause?.evidence).toEqual(expect.arrayContaining(['settings.txt#record:1', 'settings.txt#record:2']));
  });

  it('is likely from the connector listing alone', () => {
    expect(causeOf(id, input([], [settings({ inbound: [partner] })]))?.confidence).toBe('likely');
  });

  it('is possible when a disabled connector sits next to an enabled OnPremises one', () => {
    const both = settings({ inbound: [disabled, IP_CONNECTOR] });
    expect(causeOf(id, input([finding('connector.disabled')], [both]))?.confidence).toBe('possible');
  });

  it('concludes nothing from an export without inbound connectors or without their type', () => {
    expect(causeOf(id, input([attribution], [settings({ send: [{ name: 'To EOP' }] })]))).toBeUndefined();
    expect(causeOf(id, input([attribution], [settings({ inbound: [{ name: 'Untyped' }] })]))).toBeUndefined();
  });

  it('is ruled out when an enabled OnPremises connector exists', () => {
    expect(causeOf(id, input([attribution], [settings({ inbound: [CERT_CONNECTOR] })]))).toBeUndefined();
  });
});

describe('cause.senderIpChanged (C3) and a certificate connector', () => {
  it('stays possible when the settings analyzer doubts the IP list matters', () => {
    const doubtful = { ...finding('connector.ipNotListed', { ip: '203.0.113.7', connectors: ['Relay by IP'], addresses: ['198.51.100.25'] }), confidence: 'possible' as const };
    const cause = diagnose(input([doubtful, attribution])).find((c) => c.id === 'cause.senderIpChanged');
    expect(cause?.confidence).toBe('possible');
    expect(cause?.params).toEqual({ inboundConnector: 'Relay by IP', senderIp: '203.0.113.7', listedIps: ['198.51.100.25'] });
  });
});
