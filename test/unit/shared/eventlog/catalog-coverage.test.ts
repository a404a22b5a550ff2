import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import { CAPI2_RULES } from '../../../../shared/eventlog/analyze/capi2-rules';
import { EXCHANGE_EVENT_RULES } from '../../../../shared/eventlog/analyze/exchange-rules';

const SRC = fileURLToPath(new URL('../../../../shared/eventlog/', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));

/** Warning codes written in the eventlog sources: literals, and the chunk problems built from a template. */
function warningCodes(): string[] {
  const text = sources(SRC).join('\n');
  // Reader ids ('eventlog.evtx', 'eventlog.xml') are not messages.
  const literal = [...text.matchAll(/'(eventlog\.[A-Za-z.]+)'/g)].map((m) => m[1]!).filter((c) => !/^eventlog\.(evtx|xml)$/.test(c));
  const problems = ['badMagic', 'headerChecksum', 'badFreeSpace'].map((p) => `eventlog.evtx.chunk.${p}`);
  const checksums = ['mismatch', 'absent'].map((p) => `eventlog.evtx.chunk.recordsChecksum.${p}`);
  return [...new Set([...literal.filter((c) => !c.endsWith('.')), ...problems, ...checksums])];
}

describe('eventlog catalog coverage', () => {
  it('has a message for every warning code the readers emit, in every language', () => {
    const codes = warningCodes();
    expect(codes.length).toBeGreaterThan(12);
    for (const locale of LOCALES) for (const code of codes) expect(has(locale, code), `${locale}:${code}`).toBe(true);
  });

  it('has a title and a detail for every finding id the analyzer can emit, in every language', () => {
    const ids = [...CAPI2_RULES.map((r) => r.id), ...EXCHANGE_EVENT_RULES.map((r) => r.id)];
    for (const locale of LOCALES) for (const id of ids) for (const part of ['title', 'detail']) expect(has(locale, `${id}.${part}`), `${locale}:${id}.${part}`).toBe(true);
  });
});
