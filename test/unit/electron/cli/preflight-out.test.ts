import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';

// A healthy renewal of the pre-flight scenarios: mail.contoso.com-2027.pfx and the current evidence.
const dir = 'test/scenarios/preflight/healthy-renewal-same-issuer';
const args = [
  'preflight',
  join(dir, 'mail.contoso.com-2027.pfx'),
  ...['Get-AcceptedDomain.txt', 'Get-ExchangeCertificate.txt', 'Get-InboundConnector.txt', 'Get-SendConnector.txt', 'SEND20261120-1.log', 'mail.contoso.com-current.cer'].map((f) => join(dir, f)),
  '--at', '2026-11-20T10:00:00Z', '--trust', join(dir, '_args', 'root.pem'), '--password', 'Renewal!2026',
];

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'relay-doctor-switch-')), 'pack');
}

describe('relay-doctor preflight --out', { timeout: 60_000 }, () => {
  it('writes the switch-over pack for the certificate it checked, without the PFX or its password', async () => {
    const out = outDir();
    const io = captureIo();
    expect(await main([...args, '--out', out], io)).toBe(0);
    // The same pack the app saves: guide.pdf and switch-over.zip added as `export` adds them to the fix pack.
    expect(readdirSync(out).sort()).toEqual(['guide.html', 'guide.md', 'guide.pdf', 'report.json', 'rollback.ps1', 'switch-over.ps1', 'switch-over.zip']);
    expect(readFileSync(join(out, 'guide.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ schema: 'relay-doctor/switchover@1', platform: 'exchange', preflight: { verdict: 'willWork' }, certificate: { pfxFile: 'mail.contoso.com-2027.pfx' } });
    expect(report.sendConnector).toBeTruthy();
    const script = readFileSync(join(out, 'switch-over.ps1'));
    expect([...script.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(script.toString('utf8')).toContain(`$NewThumbprint = '${report.certificate.sha1}'`);
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name)).includes('Renewal!2026'), name).toBe(false);
    expect(io.err()).toContain('switch-over.ps1');
  });

  it('refuses to replace an existing pack without --overwrite (exit 2) and replaces it with it', async () => {
    const out = outDir();
    expect(await main([...args, '--out', out], captureIo())).toBe(0);
    const second = captureIo();
    expect(await main([...args, '--out', out], second)).toBe(2);
    expect(second.err()).toContain('--overwrite');
    expect(await main([...args, '--out', out, '--overwrite'], captureIo())).toBe(0);
  });
});
