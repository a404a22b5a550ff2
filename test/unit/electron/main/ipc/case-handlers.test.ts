import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';
import type { CaseContent } from '../../../../../shared/case/ipc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-case-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const leaf = new Uint8Array(await readFile(new URL('../../../../fixtures/certs/leaf-only.cer', import.meta.url)));
const report = { schema: 'relay-doctor/report@1', findings: [{ id: 'chain.missingIntermediate' }] } as unknown as CaseContent['report'];
const content: CaseContent = {
  symptom: 'logLine',
  stepIndex: 3,
  answers: { sendingSystem: 'exchange' },
  evidence: [
    { name: 'leaf-only.cer', source: 'file', bytes: leaf },
    { name: 'pasted-1.txt', source: 'paste', bytes: new TextEncoder().encode('TlsSenderCertificateName : smtp.fabrikam.com') },
  ],
  report,
};

function handlers(paths: { save?: string | null; open?: string | null }): ReturnType<typeof createHandlers> {
  const deps: HandlerDeps = {
    pickExportFolder: async () => null,
    pickSavePath: async () => paths.save ?? null,
    pickCasePath: async () => paths.open ?? null,
    osLocale: () => 'en',
    confirmConnection: async () => false,
    now: () => new Date('2026-11-28T12:00:00Z'),
  };
  return createHandlers(deps);
}

describe('case:save and case:open', () => {
  it('saves a relay-doctor/case@1 file and opens it back with the same bytes, answers and report', async () => {
    const path = join(dir, 'contoso.json');
    const saved = await dispatch(handlers({ save: path }), 'case:save', { content, suggestedName: 'contoso', overwrite: false });
    expect(saved).toEqual({ ok: true, value: { name: 'contoso.json' } });
    const json = JSON.parse(await readFile(path, 'utf8')) as { schema: string; savedAt: string };
    expect(json.schema).toBe('relay-doctor/case@1');
    expect(json.savedAt).toBe('2026-11-28T12:00:00.000Z');

    const opened = await dispatch(handlers({ open: path }), 'case:open', {});
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.name).toBe('contoso.json');
    expect(opened.value.content.evidence.map((e) => [e.name, e.source])).toEqual([
      ['leaf-only.cer', 'file'],
      ['pasted-1.txt', 'paste'],
    ]);
    expect(opened.value.content.evidence[0]?.bytes).toEqual(leaf);
    expect(opened.value.content).toMatchObject({ symptom: 'logLine', stepIndex: 3, answers: { sendingSystem: 'exchange' }, report });
  });

  it('keeps the before/after baseline when there is one', async () => {
    const path = join(dir, 'after.json');
    await dispatch(handlers({ save: path }), 'case:save', { content: { ...content, baseline: report }, suggestedName: 'after', overwrite: false });
    const opened = await dispatch(handlers({ open: path }), 'case:open', {});
    expect(opened.ok && opened.value.content.baseline).toEqual(report);
  });

  it("keeps the step's id and the renewal path's new certificate, and a case without them opens as before", async () => {
    const path = join(dir, 'renewal.json');
    const renewal: CaseContent = {
      ...content,
      symptom: 'renewal',
      step: 'preflight',
      evidence: [...content.evidence, { name: 'new.cer', source: 'file', bytes: leaf, role: 'newCertificate' }],
    };
    await dispatch(handlers({ save: path }), 'case:save', { content: renewal, suggestedName: 'renewal', overwrite: false });
    const opened = await dispatch(handlers({ open: path }), 'case:open', {});
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.content.step).toBe('preflight');
    expect(opened.value.content.evidence.map((e) => e.role ?? null)).toEqual([null, null, 'newCertificate']);
    // Another role, or a step that is not an id, is refused at the IPC boundary.
    const odd = { ...renewal, evidence: [{ name: 'x.cer', source: 'file', bytes: leaf, role: 'admin' }] };
    expect(await dispatch(handlers({ save: path }), 'case:save', { content: odd, suggestedName: 'renewal', overwrite: true })).toMatchObject({ ok: false });
    expect(await dispatch(handlers({ save: path }), 'case:save', { content: { ...renewal, step: '../x' }, suggestedName: 'renewal', overwrite: true })).toMatchObject({ ok: false });
  });

  it('adds .json when the dialog returned a name without an extension', async () => {
    const saved = await dispatch(handlers({ save: join(dir, 'plain') }), 'case:save', { content, suggestedName: 'plain', overwrite: false });
    expect(saved).toEqual({ ok: true, value: { name: 'plain.json' } });
    expect(JSON.parse(await readFile(join(dir, 'plain.json'), 'utf8'))).toMatchObject({ schema: 'relay-doctor/case@1' });
  });

  it('refuses to replace an existing file with case.exists, and replaces it once overwrite is given', async () => {
    const path = join(dir, 'taken.json');
    await writeFile(path, 'precious');
    const refused = await dispatch(handlers({ save: path }), 'case:save', { content, suggestedName: 'taken', overwrite: false });
    expect(refused).toEqual({ ok: false, error: { code: 'case.exists', params: { name: 'taken.json' } } });
    expect(await readFile(path, 'utf8')).toBe('precious');
    const replaced = await dispatch(handlers({ save: path }), 'case:save', { content, suggestedName: 'taken', overwrite: true });
    expect(replaced.ok).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ schema: 'relay-doctor/case@1' });
  });

  it('replaces without asking again where the save dialog itself confirmed the replacement', async () => {
    const path = join(dir, 'taken.json');
    await writeFile(path, 'old');
    const h = createHandlers({
      pickExportFolder: async () => null,
      pickSavePath: async () => path,
      pickCasePath: async () => null,
      saveDialogConfirmsReplace: true,
      osLocale: () => 'en',
      confirmConnection: async () => false,
    });
    expect(await dispatch(h, 'case:save', { content, suggestedName: 'taken', overwrite: false })).toEqual({ ok: true, value: { name: 'taken.json' } });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ schema: 'relay-doctor/case@1' });
  });

  it('reports case.cancelled when either dialog is closed, writing nothing', async () => {
    expect(await dispatch(handlers({}), 'case:save', { content, suggestedName: 'x', overwrite: false })).toEqual({ ok: false, error: { code: 'case.cancelled' } });
    expect(await dispatch(handlers({}), 'case:open', {})).toEqual({ ok: false, error: { code: 'case.cancelled' } });
  });

  it('refuses a foreign JSON file, a damaged file and a missing file with case.* codes', async () => {
    const foreign = join(dir, 'package.json');
    await writeFile(foreign, JSON.stringify({ name: 'not-a-case', version: '1.0.0' }));
    const torn = join(dir, 'torn.json');
    await writeFile(torn, '{"schema":"relay-doctor/case@1","evid');
    const open = (p: string) => dispatch(handlers({ open: p }), 'case:open', {});
    expect(await open(foreign)).toMatchObject({ ok: false, error: { code: 'case.invalid', params: { name: 'package.json' } } });
    expect(await open(torn)).toMatchObject({ ok: false, error: { code: 'case.invalid', params: { name: 'torn.json' } } });
    expect(await open(join(dir, 'gone.json'))).toMatchObject({ ok: false, error: { code: 'case.notFound' } });
  });

  it('refuses a suggested name with a folder in it before any dialog opens', async () => {
    let asked = false;
    const h = createHandlers({
      pickExportFolder: async () => null,
      pickSavePath: async () => ((asked = true), join(dir, 'x.json')),
      pickCasePath: async () => null,
      osLocale: () => 'en',
      confirmConnection: async () => false,
    });
    const res = await dispatch(h, 'case:save', { content, suggestedName: '../evil', overwrite: false });
    expect(res).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
    expect(asked).toBe(false);
  });
});
