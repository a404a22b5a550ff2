import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';

const inputs = ['test/fixtures/certs/leaf-only.pem', 'test/fixtures/ndr/exchange-onprem-5.7.64.eml'];
const at = '2026-01-01T00:00:00Z';

/** Exports the KB 3212877 case and gives the page size written into guide.pdf's pages (PDF points). */
async function exportedPageSize(extra: string[], env: Record<string, string>): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'relay-doctor-paper-')), 'pack');
  const io = captureIo(env);
  expect(await main(['export', ...inputs, '--out', out, '--at', at, ...extra], io)).toBe(1);
  const pdf = readFileSync(join(out, 'guide.pdf')).toString('latin1');
  const boxes = new Set([...pdf.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]?.trim()));
  expect(boxes.size).toBe(1);
  return [...boxes][0] ?? '';
}

const A4 = '0 0 595.28 841.89';
const LETTER = '0 0 612 792';

describe('relay-doctor export --paper', { timeout: 90_000 }, () => {
  it('writes Letter pages with --paper letter even where the locale prints on A4', async () => {
    expect(await exportedPageSize(['--paper', 'letter'], { LANG: 'de_DE.UTF-8' })).toBe(LETTER);
  });

  it('defaults to the locale\'s paper: A4 for a German LANG, Letter for LC_PAPER=en_US', async () => {
    expect(await exportedPageSize([], { LANG: 'de_DE.UTF-8' })).toBe(A4);
    expect(await exportedPageSize([], { LANG: 'de_DE.UTF-8', LC_PAPER: 'en_US.UTF-8' })).toBe(LETTER);
  });

  it('refuses another paper name as a usage error before reading anything', async () => {
    const io = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await main(['export', ...inputs, '--out', tmpdir(), '--paper', 'legal'], io)).toBe(2);
    expect(io.err()).toContain('--paper takes a4 or letter, not legal');
  });
});
