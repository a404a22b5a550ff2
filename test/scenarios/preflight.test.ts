// The renewal pre-flight scenarios (issue 22 item 4): each folder in preflight/ is a new certificate plus the
// current evidence, and expected.json (`verdict`, the check ids that must fail — exactly — and those that must
// warn). Each runs the real CLI in-process:
//   relay-doctor preflight <new> <current evidence…> --json --at <at> --trust _args/<root> [--password …]
// Made by test/scenarios/_pki/make-preflight.mjs.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/index';
import { captureIo } from '../helpers/cli-io';

const HERE = fileURLToPath(new URL('./preflight/', import.meta.url));

interface Expected {
  description: string;
  args: { at: string; trust?: string[]; password?: string };
  new: string;
  verdict: 'willWork' | 'willBreak';
  fail: string[];
  warn: string[];
}
interface PreflightReport {
  schema: string;
  verdict: string;
  failed: string[];
  warnings: string[];
  checks: { id: string; outcome: string; reason: string; evidence: string[] }[];
}

const scenarios = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(HERE, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

function argv(dir: string, expected: Expected, extra: string[]): string[] {
  const current = readdirSync(dir)
    .filter((f) => f !== 'expected.json' && f !== '_args' && f !== expected.new)
    .sort()
    .map((f) => join(dir, f));
  return [
    'preflight',
    join(dir, expected.new),
    ...current,
    '--at',
    expected.args.at,
    ...(expected.args.trust ?? []).flatMap((t) => ['--trust', join(dir, '_args', t)]),
    ...(expected.args.password !== undefined ? ['--password', expected.args.password] : []),
    ...extra,
  ];
}

describe('renewal pre-flight scenarios (issue 22: will work / will break, because…)', () => {
  it('covers every will-break reason and healthy renewals', () => {
    const all = scenarios.map((s) => JSON.parse(readFileSync(join(HERE, s, 'expected.json'), 'utf8')) as Expected);
    const failing = new Set(all.flatMap((e) => e.fail));
    for (const id of ['preflight.validity', 'preflight.privateKey', 'preflight.chainSendable', 'preflight.rootTrusted', 'preflight.connectorNames', 'preflight.acceptedDomains', 'preflight.keyStrength', 'preflight.signature', 'preflight.sendConnectorRepoint']) {
      expect(failing, id).toContain(id);
    }
    expect(all.some((e) => e.verdict === 'willWork')).toBe(true);
  });

  for (const name of scenarios) {
    it(name, async () => {
      const dir = join(HERE, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const io = captureIo();
      const status = await main(argv(dir, expected, ['--json']), io);
      expect(io.err(), 'stderr').toBe('');
      const report = JSON.parse(io.out()) as PreflightReport;
      const summary = report.checks.map((c) => `${c.id}=${c.outcome}/${c.reason}`).join(', ');
      expect(report.schema).toBe('relay-doctor/preflight@1');
      expect(report.verdict, summary).toBe(expected.verdict);
      expect([...report.failed].sort(), summary).toEqual([...expected.fail].sort());
      for (const id of expected.warn) expect(report.warnings, summary).toContain(id);
      // Every failing check shows its evidence.
      for (const c of report.checks.filter((c) => c.outcome === 'fail')) expect(c.evidence.length, c.id).toBeGreaterThan(0);
      expect(status).toBe(expected.verdict === 'willBreak' ? 1 : 0);
    });
  }

  it('prints a localized text verdict through the terminal-safe boundary', async () => {
    const dir = join(HERE, 'send-connector-names-old-certificate');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const en = captureIo();
    expect(await main(argv(dir, expected, ['--lang', 'en']), en)).toBe(1);
    expect(en.out()).toContain('Verdict: will break');
    // Checks by their titles and dates in words, as analyze prints them: no ids, no ISO timestamps.
    expect(en.out()).toMatch(/^\[FAIL\] Send connector$/m);
    expect(en.out()).toMatch(/as of November (19|20|21), 2026/); // 10:00 UTC in whatever zone the machine is in
    expect(en.out()).not.toMatch(/preflight\.[a-zA-Z]+|\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(en.out()).toContain('<I>C=US, O=Relay Doctor Test PKI, CN=Relay Doctor Test TLS RSA CA G2<S>');
    const de = captureIo();
    expect(await main(argv(dir, expected, ['--lang', 'de']), de)).toBe(1);
    expect(de.out()).not.toContain('Verdict: will break');
    expect(de.out()).not.toMatch(/preflight\.[a-zA-Z]+\.[a-zA-Z]+(?!\))/);
  });

  it('refuses a first path that is not a file (exit 2), and a PFX it cannot open', async () => {
    const io = captureIo();
    expect(await main(['preflight', HERE], io)).toBe(2);
    expect(io.err()).toContain('preflight');
    const dir = join(HERE, 'healthy-renewal-same-issuer');
    const wrong = captureIo();
    expect(await main(['preflight', join(dir, 'mail.contoso.com-2027.pfx'), '--password', 'not-it', '--at', '2026-11-20T10:00:00Z'], wrong)).toBe(2);
    expect(wrong.err()).toContain('mail.contoso.com-2027.pfx');
    expect(await main(['preflight'], captureIo())).toBe(2);
  });
});
