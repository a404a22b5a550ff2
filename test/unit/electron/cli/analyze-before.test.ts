import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';

describe('relay-doctor analyze --before', { timeout: 60_000 }, () => {
  const certs = 'test/fixtures/certs';
  const ndr = 'test/fixtures/ndr/exchange-onprem-5.7.64.eml';
  const at = '2026-01-01T00:00:00Z';

  it('compares with an earlier report.json: what is resolved, new and still there, and the verdicts', async () => {
    const first = captureIo();
    await main(['analyze', `${certs}/leaf-only.pem`, ndr, '--json', '--at', at], first);
    const earlier = join(mkdtempSync(join(tmpdir(), 'relay-doctor-before-')), 'report.json');
    writeFileSync(earlier, first.out());
    const before = JSON.parse(first.out());

    const io = captureIo();
    await main(['analyze', `${certs}/chain-complete.pem`, '--json', '--at', at, '--before', earlier], io);
    const after = JSON.parse(io.out());
    expect(after.comparison.before.file).toBe('report.json');
    const ids = (list: { id: string }[]) => list.map((f) => f.id).sort();
    expect([...after.comparison.resolved, ...after.comparison.stillThere].sort()).toEqual(ids(before.findings));
    expect([...after.comparison.new, ...after.comparison.stillThere].sort()).toEqual(ids(after.findings));
    expect(after.comparison.verdict.before).toEqual({ status: before.verdict.status, cause: before.verdict.cause });
    expect(after.comparison.resolved.length).toBeGreaterThan(0);

    const text = captureIo();
    await main(['analyze', `${certs}/chain-complete.pem`, '--at', at, '--before', earlier], text);
    expect(text.out()).toContain('Compared with report.json');
  });

  it('stops with exit 2 when --before is not a Relay Doctor report', async () => {
    const io = captureIo();
    expect(await main(['analyze', `${certs}/chain-complete.pem`, '--before', `${certs}/leaf-only.pem`], io)).toBe(2);
    expect(io.err()).toContain('relay-doctor/report@1');
  });
});
