// The scenario suite (issue 17 item 10): every folder here is evidence as an admin drops it plus expected.json,
// an Exchange support engineer's verdict. Each runs the real CLI in-process:
//   relay-doctor analyze <evidence…> --json --at <at> --trust _args/<root> [--expect-name …] [--password …] [--probe 127.0.0.1:<port>]
// Probe scenarios start a real STARTTLS SMTP server on 127.0.0.1 presenting the chain in _args.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { main } from '../../electron/cli/index';
import { captureIo } from '../helpers/cli-io';

const HERE = fileURLToPath(new URL('.', import.meta.url));

type Confidence = 'certain' | 'likely' | 'possible';
interface Expected {
  description: string;
  args: { at: string; trust?: string[]; expectName?: string; password?: string; probe?: { chain: string[]; key: string } };
  status: 'cause' | 'healthy' | 'insufficientEvidence';
  lead: string | null;
  confidence: Confidence | null;
  mustNot: string[];
  exit: 0 | 1;
  nextAction?: 'fix' | 'collect' | 'none';
  /** The server the verdict sends the admin to (verdict.next.server), compared by host name, case-insensitive. */
  nextServer?: string;
  /** Causes that may appear, but never as `certain`. */
  notCertain?: string[];
  /** Causes that must appear among the alternatives. */
  mustInclude?: string[];
  /** Evidence files that are damaged on purpose and may be rejected. */
  rejectedOk?: string[];
}
interface ReportInput { file: string; status: string; items?: number; error?: { code: string; message: string } }
interface ReportCause { id: string; confidence: string }
interface Report {
  inputs: ReportInput[];
  findings: { id: string; severity: string; confidence?: string }[];
  causes: ReportCause[];
  verdict?: { status: string; cause: string | null; confidence: string | null; next?: { action?: string; server?: string }; alternatives?: string[] };
}

const scenarios = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(HERE, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

async function startProbeTarget(dir: string, probe: { chain: string[]; key: string }): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    key: readFileSync(join(dir, '_args', probe.key)),
    cert: probe.chain.map((f) => readFileSync(join(dir, '_args', f), 'utf8')).join(''),
    authOptional: true,
    logger: false,
    banner: 'EX01.contoso.com Microsoft ESMTP MAIL Service ready',
    // smtp-server would otherwise ask a DNS server for the client's PTR record (workplace rule: loopback only).
    disableReverseLookup: true,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function summary(report: Report): string {
  const v = report.verdict;
  const verdict = v ? `${v.status} ${v.cause ?? '-'} (${v.confidence ?? '-'}) next=${v.next?.action ?? '-'}@${v.next?.server ?? '-'}` : 'NO VERDICT';
  const causes = report.causes.map((c) => `${c.id}:${c.confidence}`).join(', ') || 'none';
  const findings = report.findings.map((f) => `${f.id}/${f.severity}`).join(', ') || 'none';
  const inputs = report.inputs.map((i) => `${i.file}=${i.status}${i.error ? `(${i.error.code})` : `:${String(i.items ?? '?')}`}`).join(', ');
  return `\n  verdict:  ${verdict}\n  causes:   ${causes}\n  findings: ${findings}\n  inputs:   ${inputs}`;
}

describe('scenarios (issue 17: one verdict an Exchange support engineer would give)', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of scenarios) {
    const dir = join(HERE, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const evidence = readdirSync(dir)
        .filter((f) => f !== '_args' && f !== 'expected.json')
        .sort()
        .map((f) => join(dir, f));
      const argv = ['analyze', ...evidence, '--json', '--at', expected.args.at];
      for (const t of expected.args.trust ?? []) argv.push('--trust', join(dir, '_args', t));
      if (expected.args.expectName) argv.push('--expect-name', expected.args.expectName);
      if (expected.args.password) argv.push('--password', expected.args.password);
      const target = expected.args.probe ? await startProbeTarget(dir, expected.args.probe) : null;
      if (target) argv.push('--probe', `127.0.0.1:${String(target.port)}`);
      const io = captureIo();
      let code: number;
      try {
        code = await main(argv, io);
      } finally {
        await target?.close();
      }
      let report: Report;
      try {
        report = JSON.parse(io.out()) as Report;
      } catch {
        throw new Error(`exit ${String(code)}, no JSON report on stdout. stderr:\n${io.err().slice(0, 2000)}`);
      }
      const text = summary(report);

      // Every evidence file was read (nothing rejected, something in it), unless it is damaged on purpose.
      const unread = report.inputs.filter((i) => !(expected.rejectedOk ?? []).some((r) => i.file.endsWith(r)) && (i.status !== 'ok' || !i.items));
      expect(unread, `evidence not read:${text}`).toEqual([]);

      const v = report.verdict;
      expect(v, `report.verdict is missing (findings.md "verdict", issue 17 item 5 not landed yet):${text}`).toBeDefined();
      if (!v) return;
      expect(v.status, `verdict status:${text}`).toBe(expected.status);
      expect(v.cause ?? null, `lead cause:${text}`).toBe(expected.lead);
      expect(v.confidence ?? null, `lead confidence:${text}`).toBe(expected.confidence);
      const forbidden = report.causes.filter((c) => expected.mustNot.includes(c.id));
      expect(forbidden.map((c) => `${c.id}:${c.confidence}`), `causes that must not appear:${text}`).toEqual([]);
      const tooSure = report.causes.filter((c) => (expected.notCertain ?? []).includes(c.id) && c.confidence === 'certain');
      expect(tooSure.map((c) => c.id), `causes that must not be certain:${text}`).toEqual([]);
      for (const id of expected.mustInclude ?? []) expect(report.causes.map((c) => c.id), `cause ${id} should be listed:${text}`).toContain(id);
      if (expected.nextAction) expect(v.next?.action, `next action:${text}`).toBe(expected.nextAction);
      if (expected.nextServer) expect((v.next?.server ?? '').split('.')[0]?.toUpperCase(), `next server:${text}`).toBe(expected.nextServer.toUpperCase());
      expect(code, `exit status:${text}`).toBe(expected.exit);
    }, 60_000);
  }
});
