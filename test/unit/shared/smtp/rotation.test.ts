import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import type { Evidence } from '../../../../shared/model/evidence';
import type { SmtpLogEvidence } from '../../../../shared/smtp/types';
import { CONTEXT, READ_OPTIONS, textInput } from './helpers';

// Exchange rolls its protocol log over at 10 MB, mid-conversation. A session cut by the rollover shows nothing
// wrong in the first file (the refusal comes later) and must still be kept there so that it can be joined.
const FIXTURE = readFileSync(fileURLToPath(new URL('../../../fixtures/smtp/exchange-send-5.7.64-cert-sent.log', import.meta.url)), 'utf8');
const HEADER = FIXTURE.split('\n').filter((l) => l.startsWith('#')).join('\n');
const lines = (id: string) => FIXTURE.split('\n').filter((l) => l.includes(`,${id},`));
const INTERNAL = lines('08DC73F1A2B3C4AA');
const REFUSED = lines('08DC73F1A2B3C4D5');

/** `count` internal sessions that went fine, under fresh ids starting at `from` (13 lines each). */
function internal(from: number, count: number): string[] {
  const out: string[] = [];
  for (let n = from; n < from + count; n++) out.push(...INTERNAL.map((l) => l.replace(',08DC73F1A2B3C4AA,', `,${n.toString(16).padStart(16, '0')},`)));
  return out;
}

async function evidenceOf(name: string, body: string[]): Promise<SmtpLogEvidence> {
  const r = await exchangeProtocolLogReader.read(textInput(name, [HEADER, ...body].join('\n') + '\n'), READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.evidence[0] as SmtpLogEvidence;
}

describe('a session cut by the log rollover', () => {
  // Two connects' worth of lines in the first file (no trigger), the rest (banner … 550 5.7.64) in the next.
  const first = [...internal(0, 1000), ...REFUSED.slice(0, 2)];
  const second = [...REFUSED.slice(2), ...internal(1000, 1000)];

  it('is kept unfinished at the end of the first file, while complete ordinary sessions there are skipped', async () => {
    const a = await evidenceOf('SEND20240514-1.log', first);
    expect(first.length).toBeGreaterThan(10_000);
    expect(a.sessions.map((s) => [s.sessionId, s.complete])).toEqual([['08DC73F1A2B3C4D5', false]]);
    const b = await evidenceOf('SEND20240514-2.log', second);
    expect(b.sessions.map((s) => [s.sessionId, s.complete, s.status])).toEqual([['08DC73F1A2B3C4D5', false, 'rejected']]);
  });

  it('is joined across the two files into the refused session, with evidence from both', async () => {
    const evidence: Evidence[] = [await evidenceOf('SEND20240514-1.log', first), await evidenceOf('SEND20240514-2.log', second)];
    const { findings } = await smtpAnalyzer.analyze(evidence, CONTEXT);
    expect(findings.map((f) => [f.id, f.params.count])).toEqual([['smtp.tenantAttribution', 1]]);
    expect(findings[0]?.evidence.some((r) => r.startsWith('SEND20240514-2.log#'))).toBe(true);
  });
});
