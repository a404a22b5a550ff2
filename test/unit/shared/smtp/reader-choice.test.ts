import { describe, expect, it } from 'vitest';
import { pickReader } from '../../../../shared/engine/read-inputs';
import { fixture } from './helpers';

/** With every registered reader competing, each SMTP and settings fixture goes to the reader made for it. */
const EXPECTED: ReadonlyArray<[string, string]> = [
  ['smtp/exchange-send-5.7.64-cert-sent.log', 'smtp.exchangeProtocolLog'],
  ['smtp/SEND20240516-2.log', 'smtp.exchangeProtocolLog'],
  ['smtp/iis-smtpsvc-ex240514.log', 'smtp.iisW3cLog'],
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
