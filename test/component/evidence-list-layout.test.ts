import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
import { fixtureFile as fixture } from './pfx-fixtures';

async function evidenceStepWith(files: File[]) {
  const app = renderApp();
  app.session.chooseSymptom('ndr');
  app.session.next(); // evidence comes first
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop(files));
  const table = await screen.findByRole('table', { name: files.length === 1 ? '1 item added' : `${files.length} items added` });
  await waitFor(() => expect(within(table).queryByText('Analysing…')).toBeNull(), { timeout: 10_000 });
  return { app, table };
}

const names = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((h) => h.textContent);

afterEach(cleanup);

describe('Evidence list layout (issue 21 item 6)', () => {
  const files = () => [
    fixture('certs/chain-complete.pem'),
    new File(['not evidence at all'], 'b-notes.txt'),
    fixture('ndr/exo-style-5.7.64.eml'),
  ];

  it('counts the files by status and by kind, in words', async () => {
    await evidenceStepWith(files());
    const counts = screen.getByRole('list', { name: 'Added evidence by status and kind' });
    const items = within(counts).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('Read: 2');
    expect(items).toContain('Not read: 1');
    expect(items).toContain('Unknown: 1');
  });

  it('sorts by a column when its header is pressed, and the other way round when pressed again', async () => {
    const { table } = await evidenceStepWith(files());
    expect(names(table)).toEqual(['chain-complete.pem', 'b-notes.txt', 'exo-style-5.7.64.eml']);
    await fireEvent.click(within(table).getByRole('button', { name: 'Sort by Name' }));
    expect(names(table)).toEqual(['b-notes.txt', 'chain-complete.pem', 'exo-style-5.7.64.eml']);
    expect(within(table).getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(within(table).getByRole('button', { name: 'Sort by Name' }));
    expect(names(table)).toEqual(['exo-style-5.7.64.eml', 'chain-complete.pem', 'b-notes.txt']);
    // By status, the file that was not read comes first: it is what needs the admin.
    await fireEvent.click(within(table).getByRole('button', { name: 'Sort by Status' }));
    expect(names(table)[0]).toBe('b-notes.txt');
  });

  it('removes everything only after asking, and Cancel keeps every file', async () => {
    const { app, table } = await evidenceStepWith(files());
    await fireEvent.click(screen.getByRole('button', { name: 'Remove all' }));
    expect(screen.getByText('Remove all 3 items from this case? What was read from them goes too.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(names(table)).toHaveLength(3);
    expect(document.activeElement?.textContent).toBe('Remove all');

    await fireEvent.click(screen.getByRole('button', { name: 'Remove all' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, remove all' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(app.session.evidence.items).toHaveLength(0);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('3 items removed.');
  });

  it('lets a long path wrap only after its separators', async () => {
    const { table } = await evidenceStepWith([new File(['x'], 'C:\\ExchangeLogs\\SmtpSend\\SEND20261128-1.LOG')]);
    const cell = within(table).getByRole('rowheader');
    // C:\ · ExchangeLogs\ · SmtpSend\ · SEND20261128- · 1. · LOG
    expect(cell.querySelectorAll('wbr')).toHaveLength(5);
    expect(cell.textContent).toBe('C:\\ExchangeLogs\\SmtpSend\\SEND20261128-1.LOG');
  });
});
