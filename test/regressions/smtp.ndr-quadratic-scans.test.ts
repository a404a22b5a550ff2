import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { ndrReader } from '../../shared/smtp/readers';

const file = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

/**
 * The reader's result. Each case below took 5–21 s before its scan was made linear and under 0.2 s after;
 * speed is not asserted here (house rule: timings belong to bench/ and the fuzz replay of test/fuzz/fixed,
 * whose bound catches the crasher), a quadratic scan would run into the test timeout.
 */
async function timed(name: string, bytes: Uint8Array) {
  const r = await ndrReader.read({ name, bytes }, { limits: DEFAULT_LIMITS });
  return { r };
}

describe('NDR reader on inputs that made its scans quadratic', () => {
  // Fuzzer (issue 12): rhost-aol-03.eml with CSV rows holding `<,` spliced into its HTML part. Stripping tags
  // with /<[^>]+>/g tried every unclosed `<` to the end of the text: 5.4 s for this 1 MiB cut, 95 s for the
  // whole 4 MB case.
  it('strips the tags of an HTML part full of unclosed `<` and reads the bounce as before', async () => {
    const { r } = await timed('rhost-aol-03.eml', file('../fuzz/fixed/smtp.ndr-f3dce51e952d.bin'));
    expect(r).toEqual({
      ok: true,
      value: {
        evidence: [
          {
            kind: 'ndr',
            id: 'ndr:rhost-aol-03.eml',
            source: 'rhost-aol-03.eml',
            format: 'eml',
            messages: [{ date: '2014-11-21T22:31:53.000Z',
                envelopeSender: 'shironeko@aol.example.jp',
                index: 0, subject: 'Undeliverable: Nyaaaan', recipients: [], replies: [], statusCodes: [] }],
          },
        ],
        items: 1,
        warnings: [{ code: 'smtp.warning.noDeliveryStatus' }],
      },
    });
  });

  it('keeps each of 30,000 distinct replies once without comparing each to all before it', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `mx${i}.example said: 550 5.${i % 1000}.${Math.floor(i / 1000)} user${i} unknown`);
    const { r } = await timed('bounces.txt', new TextEncoder().encode(`Final-Recipient: rfc822; a@b.example\n${lines.join('\n')}\n${lines[7]}`));
    const message = r.ok && r.value.evidence[0]?.kind === 'ndr' ? r.value.evidence[0].messages[0] : undefined;
    expect(message?.replies).toHaveLength(30_000);
    expect(message?.replies[7]).toBe('550 5.7.0 user7 unknown');
    expect(message?.statusCodes).toHaveLength(30_000);
  });

  it("reads Exchange 2007's #code line of 100,000 spaces without re-reading them at every character", async () => {
    const text = `Diagnostic-Code: smtp; 550 5.1.1 unknown\n#550 ${' '.repeat(100_000)}x\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`;
    const { r } = await timed('ndr.txt', new TextEncoder().encode(text));
    const message = r.ok && r.value.evidence[0]?.kind === 'ndr' ? r.value.evidence[0].messages[0] : undefined;
    expect(message?.replies).toEqual(['550 5.1.1 unknown', `550 ${' '.repeat(100_000)}x`.trim(), '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found']);
  });

  // JavaScript's `.` stops at U+2028 while `$` waits for the end of the text: a line holding one made every
  // `(.*)$` field pattern retry from each start to the end of the line (8.5 s for this text). Such a character
  // now ends a line, as a line feed does.
  it('reads fields on lines cut by U+2028 without retrying `(.*)$` from every start', async () => {
    const pad = `Remark:${' '.repeat(60_000)}\u2028\n${'mx said: 550 '.repeat(20_000)}\u2028`;
    const text = `Status: 5.7.64\nDiagnostic-Code: smtp; 550 5.7.64 TenantAttribution\n\n${pad}`;
    const { r } = await timed('ndr.txt', new TextEncoder().encode(text));
    const message = r.ok && r.value.evidence[0]?.kind === 'ndr' ? r.value.evidence[0].messages[0] : undefined;
    expect(message?.recipients).toEqual([{ status: '5.7.64', diagnosticCode: 'smtp; 550 5.7.64 TenantAttribution' }]);
    expect(message?.statusCodes).toEqual(['5.7.64']);
    // The line up to U+2028 is a line of its own now, so its `said:` reply is read too.
    expect(message?.replies).toEqual(['550 5.7.64 TenantAttribution', `550 ${'mx said: 550 '.repeat(19_999)}`.trim()]);
  });
});
