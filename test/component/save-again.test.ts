import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ReportExport from '../../renderer/src/components/ReportExport.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import { nextFolderName } from '../../renderer/src/lib/next-folder';
import type { Report } from '../../shared/model/report';

const report = {
  schema: 'relay-doctor/report@1',
  generatedAt: '2026-12-07T12:00:00Z',
  validationTime: '2026-12-07T12:00:00Z',
  locale: 'en',
  inputs: [],
  certificates: [],
  chains: [],
  findings: [],
  causes: [],
} satisfies Report;

type SaveReq = { suggestedFolderName: string; overwrite: boolean };

/** A fake `window.diag` whose export:save behaves like main's: refuses to overwrite an existing folder's files. */
function fakeDiag(existing: Set<string>) {
  const calls: SaveReq[] = [];
  const exportSave = async (req: SaveReq) => {
    calls.push({ suggestedFolderName: req.suggestedFolderName, overwrite: req.overwrite });
    if (existing.has(req.suggestedFolderName) && !req.overwrite) return { ok: false, error: { code: 'export.exists', params: { name: 'report.json' } } };
    existing.add(req.suggestedFolderName);
    return { ok: true, value: { folder: `/tmp/${req.suggestedFolderName}`, written: ['report.json'] } };
  };
  return { calls, api: { exportSave } };
}

let fake: ReturnType<typeof fakeDiag>;
beforeEach(() => {
  setLocale('en');
  fake = fakeDiag(new Set(['relay-doctor-report']));
  Object.defineProperty(window, 'diag', { value: fake.api, configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'diag');
});

describe('saving again', () => {
  it('asks instead of ending in "File already exists", and a new folder writes beside the old one', async () => {
    render(ReportExport, { props: { report } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save report…' }));
    const prompt = await screen.findByRole('alert', { name: 'You saved here before' });
    expect(prompt.textContent).toContain('“relay-doctor-report”');
    expect(screen.queryByText('File already exists')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Save to a new folder' }));
    await waitFor(() => expect(screen.getByText('Saved 1 file to /tmp/relay-doctor-report-2')).toBeTruthy());
    expect(fake.calls.map((c) => c.suggestedFolderName)).toEqual(['relay-doctor-report', 'relay-doctor-report-2']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('replaces the earlier files only when asked to', async () => {
    render(ReportExport, { props: { report } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save report…' }));
    await screen.findByRole('alert');
    await fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(screen.getByText('Saved 1 file to /tmp/relay-doctor-report')).toBeTruthy());
    expect(fake.calls).toEqual([
      { suggestedFolderName: 'relay-doctor-report', overwrite: false },
      { suggestedFolderName: 'relay-doctor-report', overwrite: true },
    ]);
  });

  it('numbers new folders on from the last one', () => {
    expect(nextFolderName('relay-doctor-fixpack')).toBe('relay-doctor-fixpack-2');
    expect(nextFolderName('relay-doctor-fixpack-2')).toBe('relay-doctor-fixpack-3');
  });
});
