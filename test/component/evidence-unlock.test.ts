import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
import { PFX_PASSWORD as RIGHT, pfxFixture as fixture } from './pfx-fixtures';

async function dropOnEvidenceStep(files: File[]) {
  const app = renderApp();
  app.session.chooseSymptom('ndr');
  app.session.next(); // evidence comes first
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
  return app;
}

/** The row of one file, once its analysis has said what it is. */
async function settledRow(name: RegExp, status: string) {
  const row = await screen.findByRole('row', { name });
  await waitFor(() => expect(within(row).getByText(status)).toBeTruthy(), { timeout: 5000 });
  return row;
}

afterEach(cleanup);

describe('A password-protected PFX in the evidence list', () => {
  it('asks for the password in its row; a wrong one says so and keeps the field, the right one reads the certificates', async () => {
    const app = await dropOnEvidenceStep([fixture('leaf-aes.pfx')]);
    const row = await settledRow(/leaf-aes\.pfx/, 'A password is needed');
    const field = within(row).getByLabelText('Password for leaf-aes.pfx') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.autocomplete).toBe('off');
    expect(field.getAttribute('aria-invalid')).toBe('false');
    const unlock = within(row).getByRole('button', { name: 'Unlock leaf-aes.pfx' });
    // A real form: the button submits it, and so does Enter in the field.
    expect(unlock.getAttribute('type')).toBe('submit');
    expect(field.form).toBe(unlock.closest('form'));

    field.focus();
    await fireEvent.input(field, { target: { value: 'Relay-Doctor-2' } });
    await fireEvent.submit(field.form as HTMLFormElement);
    const alert = await within(row).findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('The password is wrong');
    expect(within(row).getByLabelText('Password for leaf-aes.pfx')).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    await waitFor(() => expect(document.activeElement).toBe(field));

    await fireEvent.input(field, { target: { value: RIGHT } });
    await fireEvent.click(unlock);
    await settledRow(/leaf-aes\.pfx/, '2 items read');
    expect(within(row).queryByLabelText('Password for leaf-aes.pfx')).toBeNull();
    expect(within(row).queryByRole('alert')).toBeNull();
    // The field is gone: focus moves to the status that now says what was read, not to the page's start.
    await waitFor(() => expect(document.activeElement?.id).toBe(row.querySelector('td[tabindex="-1"]')?.id));
    const report = app.evidence.report;
    expect(report?.certificates.length).toBe(2);
    expect(report?.chains.map((c) => c.leaf)).toHaveLength(1);
  });

  it('takes each file’s own password: unlocking one PFX leaves another locked', async () => {
    await dropOnEvidenceStep([fixture('leaf-3des.p12'), fixture('leaf-legacy-rc2.pfx')]);
    const des = await settledRow(/leaf-3des\.p12/, 'A password is needed');
    const rc2 = await settledRow(/leaf-legacy-rc2\.pfx/, 'A password is needed');
    await fireEvent.input(within(rc2).getByLabelText('Password for leaf-legacy-rc2.pfx'), { target: { value: RIGHT } });
    await fireEvent.click(within(rc2).getByRole('button', { name: 'Unlock leaf-legacy-rc2.pfx' }));
    await settledRow(/leaf-legacy-rc2\.pfx/, '2 items read');
    expect(within(des).getByText('A password is needed')).toBeTruthy();
    expect(within(des).getByLabelText('Password for leaf-3des.p12')).toBeTruthy();
  });

  it('does not try an empty password', async () => {
    const app = await dropOnEvidenceStep([fixture('leaf-aes.pfx')]);
    const row = await settledRow(/leaf-aes\.pfx/, 'A password is needed');
    const report = app.evidence.report;
    const field = within(row).getByLabelText('Password for leaf-aes.pfx');
    await fireEvent.click(within(row).getByRole('button', { name: 'Unlock leaf-aes.pfx' }));
    expect(app.evidence.report).toBe(report);
    expect(app.evidence.busy).toBe(false);
    expect(document.activeElement).toBe(field);
  });
});
