import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../../shared/engine/run';
import type { Answers } from '../../../../shared/model/answers';

/**
 * Issue 8 journey (b) at engine level: what the wizard sends when the admin pastes Get-InboundConnector |
 * Format-List output (the paste box names it pasted-<n>.txt) beside a certificate whose names it does not cover.
 */
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const leaf = { name: 'leaf-only.pem', bytes: new Uint8Array(readFileSync(FIXTURES + 'certs/leaf-only.pem')) };
const pasted = { name: 'pasted-1.txt', bytes: new Uint8Array(readFileSync(FIXTURES + 'settings/get-inboundconnector-fl-mismatch.txt')) };

async function run(answers: Answers) {
  const { report } = await runAnalysis([leaf, pasted], { locale: 'en', now: new Date('2026-06-01T00:00:00Z'), trustAnchors: [], answers });
  return report;
}

describe('a pasted inbound connector naming another host', () => {
  it('reports the mismatch once, as connector.nameMismatch citing both the paste and the certificate, and the certificateNameMismatch cause', async () => {
    const report = await run({});
    expect(report.inputs.find((i) => i.file === 'pasted-1.txt')?.status).toBe('ok');
    const ids = report.findings.map((f) => f.id);
    expect(ids).not.toContain('cert.nameMismatch');
    const mismatch = report.findings.filter((f) => f.id === 'connector.nameMismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]?.params).toMatchObject({ expected: 'smtp.fabrikam.com' });
    expect(mismatch[0]?.evidence.some((r) => r.startsWith('cert:'))).toBe(true);
    expect(mismatch[0]?.evidence.some((r) => r.startsWith('pasted-1.txt'))).toBe(true);
    expect(report.causes.map((c) => c.id)).toContain('cause.certificateNameMismatch');
  });

  it('still takes the connector name from the paste when the remembered answer is blank', async () => {
    // A blank answer (an emptied field, an old case file) is no answer: it must not hide the pasted name.
    const report = await run({ tlsSenderCertificateName: '  ' });
    expect(report.findings.find((f) => f.id === 'connector.nameMismatch')?.params).toMatchObject({ expected: 'smtp.fabrikam.com' });
  });
});
