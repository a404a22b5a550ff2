import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';

function handlers(path: string) {
  return createHandlers({
    pickSavePath: async () => path,
    pickCasePath: async () => path,
    pickExportFolder: async () => null,
    osLocale: () => 'en',
    confirmConnection: async () => false,
  });
}

const root = new Uint8Array(readFileSync('test/fixtures/certs/root.pem'));
const content = { symptom: null, stepIndex: 3, answers: {}, evidence: [{ name: 'leaf.pem', source: 'file' as const, bytes: new Uint8Array([1, 2, 3]) }], report: null };

describe('case files keep the roots the admin trusted', () => {
  it('saves the trusted root files and opens them again byte for byte', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'relay-doctor-case-trust-')), 'case.json');
    const h = handlers(path);
    const saved = await dispatch(h, 'case:save', { content: { ...content, trusted: [{ name: 'root.pem', bytes: root }] }, suggestedName: 'case', overwrite: true });
    expect(saved.ok).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).trusted).toEqual([{ name: 'root.pem', source: 'file', base64: Buffer.from(root).toString('base64') }]);
    const opened = await dispatch(h, 'case:open', {});
    expect(opened.ok && opened.value.content.trusted?.map((t) => ({ name: t.name, bytes: [...t.bytes] }))).toEqual([{ name: 'root.pem', bytes: [...root] }]);
  });

  it('opens a case file written before roots could be trusted, with none of them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'relay-doctor-case-old-')), 'old.json');
    writeFileSync(path, JSON.stringify({ schema: 'relay-doctor/case@1', savedAt: '2026-11-01T00:00:00.000Z', symptom: null, stepIndex: 1, answers: {}, evidence: [{ name: 'a.pem', source: 'file', base64: 'AQID' }], report: null }));
    const opened = await dispatch(handlers(path), 'case:open', {});
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.value.content.trusted).toBeUndefined();
      expect(opened.value.content.evidence).toHaveLength(1);
    }
  });
});
