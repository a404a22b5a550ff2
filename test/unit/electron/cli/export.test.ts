import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';

const certs = 'test/fixtures/certs';
const ndr = 'test/fixtures/ndr/exchange-onprem-5.7.64.eml';
const at = '2026-01-01T00:00:00Z';

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'relay-doctor-export-')), 'pack');
}

// Each export renders a PDF with embedded fonts: seconds on a loaded 2-core machine, so a generous bound.
describe('relay-doctor export', { timeout: 60_000 }, () => {
  it('writes the KB 3212877 fix pack: guide in three formats, scripts with BOM, report, zip', async () => {
    const out = outDir();
    const io = captureIo();
    const code = await main(['export', `${certs}/leaf-only.pem`, ndr, '--out', out, '--at', at], io);
    expect(code).toBe(1);
    const names = readdirSync(out).sort();
    for (const name of ['guide.pdf', 'guide.md', 'guide.html', 'fix.ps1', 'rollback.ps1', 'collect-evidence.ps1', 'report.json', 'fixpack.zip']) {
      expect(names).toContain(name);
    }
    const fix = readFileSync(join(out, 'fix.ps1'));
    expect([...fix.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(join(out, 'guide.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.causes.map((c: { id: string }) => c.id)).toContain('cause.intermediatesNotSent');
  });

  it('refuses to replace an existing fix pack without --overwrite and replaces it with it', async () => {
    const out = outDir();
    const args = ['export', `${certs}/leaf-only.pem`, ndr, '--out', out, '--at', at];
    expect(await main(args, captureIo())).toBe(1);
    const second = captureIo();
    expect(await main(args, second)).toBe(2);
    expect(second.err()).toContain('--overwrite');
    expect(await main([...args, '--overwrite'], captureIo())).toBe(1);
  });

  it('--overwrite with evidence that proves no fix removes the earlier fix.ps1 and rollback.ps1, says so, and keeps other files', async () => {
    const out = outDir();
    expect(await main(['export', `${certs}/leaf-only.pem`, ndr, '--out', out, '--at', at], captureIo())).toBe(1);
    writeFileSync(join(out, 'notes.txt'), 'the admin\'s own');
    const io = captureIo();
    await main(['export', ndr, '--out', out, '--at', at, '--overwrite'], io);
    const names = readdirSync(out);
    expect(names).not.toContain('fix.ps1');
    expect(names).not.toContain('rollback.ps1');
    expect(names).toEqual(expect.arrayContaining(['notes.txt', 'collect-evidence.ps1', 'guide.pdf', 'fixpack.zip']));
    expect(io.err()).toContain('Removed what the earlier save had and this one does not: fix.ps1 and rollback.ps1.');
  });

  it('puts the intermediate to import into the pack as a .cer when the evidence holds it and CAPI2 shows the server lacks it', async () => {
    const out = outDir();
    const evtx = 'test/fixtures/evtx/capi2-and-exchange.evtx';
    // The analysis time sits beside the events' day (2026-11-20): events months away are set apart as history.
    await main(['export', `${certs}/leaf-only.pem`, `${certs}/intermediate.pem`, evtx, '--out', out, '--at', '2026-11-21T00:00:00Z', '--trust', `${certs}/root.pem`], captureIo());
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.chains[0].status).toBe('complete');
    expect(report.verdict).toMatchObject({ cause: 'cause.intermediatesNotSent', next: { action: 'fix', server: 'SMTP1.contoso.com' } });
    expect(readdirSync(out).filter((n) => n.endsWith('.cer')).length).toBeGreaterThanOrEqual(1);
  });

  it('sets the CAPI2 events of SMTP1 apart when the NDR says the mail left from EX01: another server proves nothing', async () => {
    const out = outDir();
    const evtx = 'test/fixtures/evtx/capi2-and-exchange.evtx';
    await main(['export', `${certs}/leaf-only.pem`, `${certs}/intermediate.pem`, ndr, evtx, '--out', out, '--at', '2026-11-21T00:00:00Z', '--trust', `${certs}/root.pem`], captureIo());
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const other = report.findings.find((f: { id: string }) => f.id === 'evidence.otherServer');
    expect(other?.params).toMatchObject({ found: 'SMTP1.contoso.com', expected: 'EX01.contoso.com' });
    expect(report.causes.find((c: { id: string }) => c.id === 'cause.intermediatesNotSent')?.confidence).not.toBe('certain');
    expect(report.verdict.next.server).toBe('EX01.contoso.com');
  });

  it('exits 2 without writing when no input could be read', async () => {
    const out = outDir();
    expect(await main(['export', `${certs}/random.bin`, '--out', out], captureIo())).toBe(2);
  });
});
