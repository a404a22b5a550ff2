import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { WizardSession } from '../../renderer/src/wizard/wizard-session.svelte';
import { snapshotCase } from '../../renderer/src/wizard/case-autosave.svelte';
import { toCaseContent } from '../../renderer/src/wizard/case-files.svelte';
import { memoryCaseStorage } from '../../renderer/src/lib/case-storage';
import { renderTextSummary } from '../../shared/report/text-summary';
import { fileDrop, startWithAutosave as start } from './app-harness';
import { PFX_PASSWORD as PASSWORD, pfxFixture } from './pfx-fixtures';

afterEach(cleanup);

async function toEvidence(session: WizardSession): Promise<void> {
  session.chooseSymptom('ndr');
  session.next(); // evidence comes first
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
}

function dropPfx(): Promise<boolean> {
  return fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([pfxFixture('leaf-aes.pfx')]));
}

async function lockedRow(): Promise<HTMLElement> {
  const row = await screen.findByRole('row', { name: /leaf-aes\.pfx/ });
  await waitFor(() => expect(within(row).getByLabelText('Password for leaf-aes.pfx')).toBeTruthy(), { timeout: 5000 });
  return row;
}

async function unlock(row: HTMLElement): Promise<void> {
  await fireEvent.input(within(row).getByLabelText('Password for leaf-aes.pfx'), { target: { value: PASSWORD } });
  await fireEvent.click(within(row).getByRole('button', { name: 'Unlock leaf-aes.pfx' }));
  await waitFor(() => expect(within(row).getByText('2 items read')).toBeTruthy(), { timeout: 5000 });
}

/** Bytes as one character each, so text inside binary data can be searched. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Everything in a value as text to search: strings, numbers, and the bytes of Blobs and byte arrays. */
async function contents(value: unknown): Promise<string> {
  if (value instanceof Blob) return contents(new Uint8Array(await value.arrayBuffer()));
  if (value instanceof Uint8Array) return latin1(value);
  if (Array.isArray(value)) return (await Promise.all(value.map(contents))).join('\n');
  if (value && typeof value === 'object') return (await Promise.all(Object.entries(value).map(async ([k, v]) => `${k}=${await contents(v)}`))).join('\n');
  return String(value);
}

/** The password in every form it could be written in: as typed, as PKCS#12 hashes it (UTF-16BE), in base64. */
function expectNoPassword(text: string): void {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain([...PASSWORD].map((c) => `\0${c}`).join(''));
  expect(text).not.toContain(btoa(PASSWORD).slice(0, 16));
}

describe('A PFX password the admin typed', () => {
  it('is in no autosaved case, case file content, report or fix pack, and is gone when the case is reopened', async () => {
    const storage = memoryCaseStorage();
    const first = await start(storage);
    await toEvidence(first.session);
    await dropPfx();
    await unlock(await lockedRow());
    const report = first.evidence.report;
    expect(report?.certificates).toHaveLength(2);
    // The autosave runs after the analysis that read the certificates.
    await waitFor(() => expect(storage.current?.items.map((i) => i.name)).toEqual(['leaf-aes.pfx']), { timeout: 2000 });

    expectNoPassword(await contents(storage.current));
    expectNoPassword(await contents(snapshotCase(first.session)));
    expectNoPassword(JSON.stringify(report));
    expectNoPassword(renderTextSummary(report!, 'en'));
    const pack = await first.evidence.fixPack();
    expect(pack.ok).toBe(true);
    expectNoPassword(await contents(pack));

    // What Save case… sends to main (the file itself is checked in test/e2e/pfx-password.e2e.ts).
    const content = await toCaseContent(snapshotCase(first.session), report);
    expect(content.evidence.map((e) => e.bytes.byteLength)).toEqual([pfxFixture('leaf-aes.pfx').size]);
    expectNoPassword(await contents(content));
    cleanup();

    // The next start offers the saved case; reopened, the PFX asks for its password again.
    const second = await start(storage);
    await fireEvent.click(screen.getByRole('button', { name: 'Continue the saved case' }));
    await waitFor(() => expect(second.evidence.items.map((i) => i.name)).toEqual(['leaf-aes.pfx']));
    await lockedRow();
    expect(second.evidence.report?.inputs[0]?.error?.code).toBe('input.passwordRequired');
  });

  it('is forgotten with its file: removed and dropped again, the PFX asks again', async () => {
    const app = await start(memoryCaseStorage());
    await toEvidence(app.session);
    await dropPfx();
    await unlock(await lockedRow());
    await fireEvent.click(screen.getByRole('button', { name: 'Remove leaf-aes.pfx' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /leaf-aes\.pfx/ })).toBeNull());
    await dropPfx();
    await lockedRow();
    expect(app.evidence.report?.inputs.map((i) => i.error?.code)).toEqual(['input.passwordRequired']);
  });
});
