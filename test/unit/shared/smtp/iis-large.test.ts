import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { iisSmtpLogReader } from '../../../../shared/smtp/iis/reader';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import { EXAMPLES_PER_SHAPE } from '../../../../shared/smtp/fold';
import type { SmtpLogEvidence } from '../../../../shared/smtp/types';
import { CONTEXT, READ_OPTIONS, textInput } from './helpers';

// A day of an IIS SMTP relay refusing over and over: the fixture's sessions repeated (each outbound one opens
// with a fresh 220 banner, which starts a new session).
const FIXTURE = readFileSync(fileURLToPath(new URL('../../../fixtures/smtp/iis-smtpsvc-ex240514.log', import.meta.url)), 'utf8');
const HEADER = FIXTURE.split('\n').filter((l) => l.startsWith('#')).join('\n');
const BODY = FIXTURE.split('\n').filter((l) => l && !l.startsWith('#')).join('\n');
const TEXT = [HEADER, ...Array.from({ length: 60 }, () => BODY)].join('\n') + '\n';
const BYTES = new TextEncoder().encode(TEXT);
const LARGE = { ...READ_OPTIONS, totalBytes: 1 << 30 };

describe('IIS SMTP logs on large analyses', () => {
  it('folds identical refused sessions and keeps the counts of every finding', async () => {
    const small = await iisSmtpLogReader.read(textInput('ex240514.log', TEXT), READ_OPTIONS);
    const large = await iisSmtpLogReader.read(textInput('ex240514.log', TEXT), LARGE);
    if (!small.ok || !large.ok) throw new Error('not read');
    const kept = (large.value.evidence[0] as SmtpLogEvidence).sessions.length;
    expect(kept).toBeLessThanOrEqual(3 * EXAMPLES_PER_SHAPE);
    expect((small.value.evidence[0] as SmtpLogEvidence).sessions.length).toBeGreaterThan(kept);
    expect(large.value.items).toBe(small.value.items);
    const counts = async (evidence: typeof small.value.evidence) =>
      (await smtpAnalyzer.analyze(evidence, CONTEXT)).findings.map((f) => [f.id, f.params.count]).sort();
    expect(await counts(large.value.evidence)).toEqual(await counts(small.value.evidence));
    expect(large.value.warnings?.map((w) => w.code)).toContain('smtp.warning.sessionsFolded');
  });

  it('reads the same sessions streamed in pieces as loaded whole', async () => {
    const stream = iisSmtpLogReader.stream;
    const pieces = (visit: (piece: Uint8Array) => boolean | void) => {
      for (let at = 0; at < BYTES.length; at += 1000) visit(BYTES.subarray(at, at + 1000));
    };
    for (const options of [READ_OPTIONS, LARGE]) {
      const streamed = await stream?.read({ name: 'ex240514.log', size: BYTES.length, head: BYTES.subarray(0, 65536), pieces }, options);
      const loaded = await iisSmtpLogReader.read(textInput('ex240514.log', TEXT), options);
      expect(streamed).toEqual(loaded);
    }
  });
});
