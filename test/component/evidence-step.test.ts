import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';

async function openEvidenceStep() {
  const app = renderApp();
  app.session.chooseSymptom('ndr');
  app.session.next(); // evidence comes first
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
    expect(within(smallRow).getByText('17 bytes')).toBeTruthy();
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

  it('lists the first 200 of a large folder and every file with a problem, and lists all on request', async () => {
    await openEvidenceStep();
    // 248 readable send logs (a line each), and two files nobody reads beyond the first 200.
    const log = (i: number) =>
      `#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n2024-05-14T08:12:01.102Z,Outbound to Office 365,08DC${String(i).padStart(12, '0')},0,,198.51.100.25:25,*,,attempting to connect\n`;
    const files = Array.from({ length: 250 }, (_, i) =>
      i === 230 || i === 245 ? new File([new Uint8Array([1, 2, 3])], `broken-${i}.bin`) : new File([log(i)], `SEND-${String(i).padStart(3, '0')}.LOG`),
    );
    await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
    const table = await screen.findByRole('table', { name: '250 items added' });
    // Once analysed, the two problems are listed after the first 200, the other 48 are not.
    await waitFor(() => expect(within(within(table).getByRole('row', { name: /broken-245\.bin/ })).getByText('Not read')).toBeTruthy(), { timeout: 20_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 200 + 2);
    expect(within(within(table).getByRole('row', { name: /SEND-199\.LOG/ })).getByText('Read')).toBeTruthy();
    expect(within(table).getByRole('row', { name: /broken-230\.bin/ })).toBeTruthy();
    expect(within(table).queryByRole('row', { name: /SEND-200\.LOG/ })).toBeNull();
    expect(screen.getByText('48 more files are not listed.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'List all 250' }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 250);
    expect(within(table).getByRole('row', { name: /SEND-200\.LOG/ })).toBeTruthy();
    expect(screen.queryByText(/more files? (is|are) not listed/)).toBeNull();
  });
});
