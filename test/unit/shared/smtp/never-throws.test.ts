import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeProtocolLogReader, iisSmtpLogReader, ndrReader } from '../../../../shared/smtp/readers';
import { settingsReader } from '../../../../shared/settings/reader';
import { fixture, READ_OPTIONS } from './helpers';

const READERS = [exchangeProtocolLogReader, iisSmtpLogReader, ndrReader, settingsReader];
const FIXTURES = [
  'smtp/exchange-send-5.7.64-cert-sent.log',
  'smtp/iis-smtpsvc-ex240514.log',
  'ndr/exchange-onprem-5.7.64.eml',
  'ndr/exchange-5.7.64.msg',
  'settings/get-inboundconnector-fl.txt',
  'settings/get-exchangecertificate.clixml.xml',
  'settings/get-inboundconnector.json',
];

/** Every reader answers with a Result for any bytes, including cut-off and bit-flipped versions of real files. */
describe('SMTP and settings readers never throw', () => {
  it('on arbitrary bytes and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 2048 }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        for (const reader of READERS) {
          reader.sniff({ name: 'x.log', bytes });
          const r = await reader.read({ name: 'x.log', bytes }, READ_OPTIONS);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on truncated and corrupted fixtures', async () => {
    const originals = FIXTURES.map((p) => fixture(p).bytes);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: originals.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (which, cut, flips) => {
          const original = originals[which] ?? new Uint8Array();
          const bytes = original.slice(0, Math.floor(original.length * cut));
          for (const [at, value] of flips) if (bytes.length) bytes[Math.floor(at * (bytes.length - 1))] = value;
          for (const reader of READERS) {
            const r = await reader.read({ name: 'x', bytes }, READ_OPTIONS);
            expect(typeof r.ok).toBe('boolean');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
