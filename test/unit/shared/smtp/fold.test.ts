import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import { parseExchangeLog } from '../../../../shared/smtp/exchange/parse';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import { EXAMPLES_PER_SHAPE, sessionCount } from '../../../../shared/smtp/fold';
import { CONTEXT, READ_OPTIONS, textInput } from './helpers';

const FIXTURE = readFileSync(fileURLToPath(new URL('../../../fixtures/smtp/exchange-send-5.7.64-cert-sent.log', import.meta.url)), 'utf8');
const HEADER = FIXTURE.split('\n').filter((l) => l.startsWith('#')).join('\n');
const BODY = FIXTURE.split('\n').filter((l) => l && !l.startsWith('#')).join('\n');

/**
 * `copies` copies of the fixture's sessions under fresh ids, each with what a real log changes from message to
 * message (the banner's clock, the sender's mailbox, SIZE); every `other`-th copy sent a different certificate,
 * every `domain`-th came from another sender domain.
 */
function log(copies: number, other = 0, domain = 0): string {
  const parts = [HEADER];
  for (let n = 0; n < copies; n++) {
    let body = BODY.replace(/,08DC73F1A2B3C4(AA|D5),/g, (_m, tail: string) => `,${n.toString(16).padStart(14, '0')}${tail},`)
      .replace(/ready at Tue, 14 May 2024 08:12:01/g, `ready at Tue, 14 May 2024 08:${String(12 + Math.floor(n / 60) % 48).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`)
      .replace(/MAIL FROM:<alerts@contoso\.com> SIZE=4211/g, `MAIL FROM:<user${n}@${domain && n % domain === 0 ? 'fabrikam.example' : 'contoso.com'}> SIZE=${4000 + n}`);
    if (other && n % other === 0) body = body.replace(/EC53EBC94A796C42E5B4E5851F961874F013D94C/g, '1111111111111111111111111111111111111111');
    parts.push(body);
  }
  return parts.join('\n') + '\n';
}

describe('identical sessions of large analyses are counted, not kept', () => {
  it('keeps ten examples of each shape and counts every other session on the last one', () => {
    const folded = parseExchangeLog('SEND.log', new TextEncoder().encode(log(300)), { compact: true });
    const relevant = folded.compacted;
    expect(relevant).toBe(300);
    expect(folded.sessions.length).toBe(EXAMPLES_PER_SHAPE);
    expect(folded.folded).toBe(300 - EXAMPLES_PER_SHAPE);
    expect(sessionCount(folded.sessions)).toBe(300);
    expect(folded.sessions.at(-1)?.alike).toBe(300 - EXAMPLES_PER_SHAPE);
  });

  it('keeps sessions from another sender domain apart, though not those of another mailbox or size', () => {
    const folded = parseExchangeLog('SEND.log', new TextEncoder().encode(log(300, 0, 4)), { compact: true });
    const domains = new Set(folded.sessions.map((s) => s.lines.find((l) => l.text.startsWith('MAIL FROM'))?.text.replace(/^.*@|>.*$/g, '')));
    expect(domains).toEqual(new Set(['contoso.com', 'fabrikam.example']));
    expect(folded.sessions.length).toBe(2 * EXAMPLES_PER_SHAPE);
    expect(sessionCount(folded.sessions)).toBe(300);
  });

  it('keeps sessions that differ in anything that matters apart (another certificate thumbprint)', () => {
    const folded = parseExchangeLog('SEND.log', new TextEncoder().encode(log(300, 3)), { compact: true });
    const thumbprints = new Set(folded.sessions.map((s) => s.certificateSent?.thumbprint));
    expect(thumbprints).toEqual(new Set(['EC53EBC94A796C42E5B4E5851F961874F013D94C', '1111111111111111111111111111111111111111']));
    expect(folded.sessions.length).toBe(2 * EXAMPLES_PER_SHAPE);
    expect(sessionCount(folded.sessions)).toBe(300);
  });

  it('gives findings the same counts as keeping every session, and says how many were folded', async () => {
    const text = log(300, 3);
    const small = await exchangeProtocolLogReader.read(textInput('SEND.log', text), READ_OPTIONS);
    const large = await exchangeProtocolLogReader.read(textInput('SEND.log', text), { ...READ_OPTIONS, totalBytes: 1 << 30 });
    if (!small.ok || !large.ok) throw new Error('not read');
    expect(large.value.items).toBe(small.value.items);
    expect(large.value.warnings?.find((w) => w.code === 'smtp.warning.sessionsFolded')?.params).toEqual({ count: 300 - 2 * EXAMPLES_PER_SHAPE });
    const counts = async (evidence: typeof small.value.evidence) =>
      (await smtpAnalyzer.analyze(evidence, CONTEXT)).findings.map((f) => [f.id, f.params.certificateThumbprint, f.params.count]).sort();
    const unfolded = await counts(small.value.evidence);
    expect(unfolded).toEqual([
      ['smtp.tenantAttribution', '1111111111111111111111111111111111111111', 100],
      ['smtp.tenantAttribution', 'EC53EBC94A796C42E5B4E5851F961874F013D94C', 200],
    ]);
    expect(await counts(large.value.evidence)).toEqual(unfolded);
  });
});
