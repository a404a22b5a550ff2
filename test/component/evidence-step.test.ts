import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';

async function openEvidenceStep() {
  const app = renderApp();
  app.session.chooseSymptom('ndr');
  app.session.next();
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  return app;
}

afterEach(cleanup);

describe('Evidence step', () => {
  it('lists dropped files with their size, kind and status', async () => {
    await openEvidenceStep();
    const big = new File([new Uint8Array(3 * 1024)], 'capture.bin');
    const small = new File(['not a certificate'], 'readme.txt');
    await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([big, small]));

    const table = await screen.findByRole('table', { name: '2 items added' });
    const bigRow = within(table).getByRole('row', { name: /capture\.bin/ });
    expect(within(bigRow).getByText('3 kB')).toBeTruthy();
    const smallRow = within(table).getByRole('row', { name: /readme\.txt/ });
    expect(within(smallRow).getByText('17 byte')).toBeTruthy();
    // Whatever readers are registered, these bytes are nobody's format: each row says so in words.
    await waitFor(() => expect(within(smallRow).getByText('Not read')).toBeTruthy());
    expect(within(smallRow).getByText('Not a format Relay Doctor reads')).toBeTruthy();
    expect(within(smallRow).getByText('Unknown')).toBeTruthy();
  });

  it('adds pasted text as an item of its own', async () => {
    await openEvidenceStep();
    await fireEvent.input(screen.getByRole('textbox', { name: /Or paste text/ }), {
      target: { value: 'Remote Server returned 550 5.7.64 TenantAttribution; Relay Access Denied' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add pasted text' }));
    expect(await screen.findByRole('row', { name: /pasted-1\.txt/ })).toBeTruthy();
  });

  it('renames a second file with the same name instead of replacing the first', async () => {
    await openEvidenceStep();
    const zone = screen.getByRole('region', { name: /Drop zone/ });
    await fireEvent.drop(zone, fileDrop([new File(['a'], 'cert.cer')]));
    await fireEvent.drop(zone, fileDrop([new File(['b'], 'cert.cer')]));
    expect(await screen.findByRole('row', { name: /cert \(2\)\.cer/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^cert\.cer/ })).toBeTruthy();
  });

  it('removes an item with its Remove button', async () => {
    await openEvidenceStep();
    await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([new File(['x'], 'one.log')]));
    await fireEvent.click(await screen.findByRole('button', { name: 'Remove one.log' }));
    expect(screen.queryByRole('row', { name: /one\.log/ })).toBeNull();
  });
});
