import { describe, expect, it } from 'vitest';
import { pickReader } from '../../../../shared/engine/read-inputs';
import { fixture } from './helpers';

/** With every registered reader competing, each SMTP and settings fixture goes to the reader made for it. */
const EXPECTED: ReadonlyArray<[string, string]> = [
  ['smtp/exchange-send-5.7.64-cert-sent.log', 'smtp.exchangeProtocolLog'],
  ['smtp/SEND20240516-2.log', 'smtp.exchangeProtocolLog'],
  ['smtp/iis-smtpsvc-ex240514.log', 'smtp.iisW3cLog'],
  ['smtp/iis-msformat-in240514.log', 'smtp.iisW3cLog'],
  ['smtp/iis-ncsa-nc240514.log', 'smtp.iisW3cLog'],
  ['ndr/exchange-onprem-5.7.64.eml', 'smtp.ndr'],
  ['ndr/exchange-5.7.64.msg', 'smtp.ndr'],
  ['ndr/pasted-attr36.txt', 'smtp.ndr'],
  ['ndr/pasted-dsn-fields.txt', 'smtp.ndr'],
  ['settings/get-inboundconnector-fl.txt', 'settings.cmdletOutput'],
  ['settings/get-sendconnector-fl.txt', 'settings.cmdletOutput'],
  ['settings/get-exchangecertificate-fl.txt', 'settings.cmdletOutput'],
  ['settings/get-accepteddomain-ft.txt', 'settings.cmdletOutput'],
  ['settings/get-inboundconnector.json', 'settings.cmdletOutput'],
  ['settings/get-exchangecertificate.clixml.xml', 'settings.cmdletOutput'],
  ['settings/unsafe-entity.clixml.xml', 'settings.cmdletOutput'],
];

describe('reader choice among all registered readers', () => {
  for (const [path, id] of EXPECTED) {
    it(`gives ${path} to ${id}`, () => {
      expect(pickReader(fixture(path))?.id).toBe(id);
    });
  }
});

/** Pasted text (the UI's paste box, `relay-doctor analyze -`) has no telling file name; content decides. */
describe('pasted text', () => {
  const pasted = (path: string) => ({ name: 'pasted.txt', bytes: fixture(path).bytes });
  const cases: ReadonlyArray<[string, string]> = [
    ['smtp/exchange-send-nocredentials.log', 'smtp.exchangeProtocolLog'],
    ['smtp/iis-smtpsvc-ex240514.log', 'smtp.iisW3cLog'],
    ['smtp/iis-ncsa-nc240514.log', 'smtp.iisW3cLog'],
    ['ndr/pasted-attr36.txt', 'smtp.ndr'],
    ['ndr/exchange-onprem-5.7.64.eml', 'smtp.ndr'],
    ['settings/get-sendconnector-fl.txt', 'settings.cmdletOutput'],
    ['settings/get-accepteddomain-ft.txt', 'settings.cmdletOutput'],
    ['settings/get-inboundconnector.json', 'settings.cmdletOutput'],
  ];
  for (const [path, id] of cases) {
    it(`recognises ${path} pasted as text`, () => {
      expect(pickReader(pasted(path))?.id).toBe(id);
    });
  }

  it('recognises single pasted log lines without their headers', () => {
    const exchange =
      '2024-05-14T09:00:02.004Z,Outbound to Office 365,08DC73F1A2B3C4E0,13,10.0.0.25:51240,198.51.100.25:25,*,,TLS negotiation failed with error NoCredentials';
    const iis =
      '2024-05-14 08:20:12 198.51.100.25 OutboundConnectionResponse SMTPSVC1 RELAY01 - 25 - - 550+5.7.64+TenantAttribution;+Relay+Access+Denied 0 0 101 0 218 SMTP - - - -';
    const ncsa =
      '198.51.100.25 - OutboundConnectionResponse [14/May/2024:10:20:12 +0200] "- -?550 5.7.64 TenantAttribution; Relay Access Denied SMTP" 0 101';
    const reply = "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'";
    const enc = (t: string) => ({ name: 'pasted.txt', bytes: new TextEncoder().encode(t) });
    expect(pickReader(enc(exchange))?.id).toBe('smtp.exchangeProtocolLog');
    expect(pickReader(enc(iis))?.id).toBe('smtp.iisW3cLog');
    expect(pickReader(enc(ncsa))?.id).toBe('smtp.iisW3cLog');
    expect(pickReader(enc(reply))?.id).toBe('smtp.ndr');
  });
});
