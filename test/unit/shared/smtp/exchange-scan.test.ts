import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExchangeLog, type ExchangeLogParse } from '../../../../shared/smtp/exchange/parse';

// The reader finds commas and session ids in place rather than splitting every line (bench/results/smtp.md).
// These tests hold it to the plain CSV reading on the lines where that shortcut has to step aside: quoted
// fields holding commas before the session id, and CRLF line ends.
const FIXTURE = readFileSync(fileURLToPath(new URL('../../../fixtures/smtp/exchange-send-5.7.64-cert-sent.log', import.meta.url)), 'utf8');
const DATA_LINE = /^(\d{4}-\d\d-\d\dT[^,]*),([^,]*),/gm;

/** The same log with every connector written as Exchange quotes a name holding a comma, and CRLF line ends. */
function quotedCrlf(text: string): string {
  return text.replace(DATA_LINE, '$1,"$2, primary",').replace(/\n/g, '\r\n');
}

/** Many copies of the fixture's sessions with fresh ids: more than one 8 MB chunk, so compact mode too. */
function large(text: string, copies: number): string {
  const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
  const body = text.split('\n').filter((l) => l && !l.startsWith('#')).join('\n');
  const parts = [header];
  for (let n = 0; n < copies; n++) parts.push(body.replace(/,08DC73F1A2B3C4(AA|D5),/g, (_m, tail: string) => `,${n.toString(16).padStart(14, '0')}${tail},`));
  return parts.join('\n') + '\n';
}

function parse(text: string, compact = false): ExchangeLogParse {
  return parseExchangeLog('SEND.log', new TextEncoder().encode(text), { compact });
}

/** Connectors put back as the unquoted log has them, to compare everything else. */
function withoutSuffix(p: ExchangeLogParse): ExchangeLogParse {
  return { ...p, sessions: p.sessions.map((s) => ({ ...s, ...(s.connector ? { connector: s.connector.replace(/, primary$/, '') } : {}) })) };
}

describe('Exchange protocol log scanning', () => {
  it('reads quoted fields with commas before the session id and CRLF line ends like the plain log', () => {
    const plain = parse(FIXTURE);
    const quoted = parse(quotedCrlf(FIXTURE));
    expect(plain.sessions.length).toBeGreaterThan(0);
    expect(quoted.sessions.every((s) => s.connector?.endsWith(', primary'))).toBe(true);
    expect(quoted.sessions.some((s) => s.certificateSent?.issuer?.includes(', O='))).toBe(true);
    expect(withoutSuffix(quoted)).toEqual(plain);
  });

  it('gives the same sessions, skipped and compacted counts on a log larger than one chunk', () => {
    const text = large(FIXTURE, 2600);
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const plain = parse(text, true);
    const quoted = parse(quotedCrlf(text), true);
    expect(plain.skipped).toBeGreaterThan(0);
    expect(plain.compacted).toBeGreaterThan(0);
    expect(withoutSuffix(quoted)).toEqual(plain);
  });
});
