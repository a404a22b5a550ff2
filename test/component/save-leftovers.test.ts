import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import SaveToFolder from '../../renderer/src/components/SaveToFolder.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';

beforeEach(() => setLocale('en'));
afterEach(cleanup);

/** SaveToFolder over a write that answers as main does after Replace (electron/services/export.ts). */
function renderSave(value: { removed?: string[]; stale?: string[] }) {
  const write = async () => ({ ok: true as const, value: { folder: '/tmp/relay-doctor-fixpack', written: ['guide.md', 'collect-evidence.ps1'], ...value } });
  render(SaveToFolder, { props: { id: 'fixpack', label: 'Save fix pack…', folder: 'relay-doctor-fixpack', write } });
  return fireEvent.click(screen.getByRole('button', { name: 'Save fix pack…' }));
}

describe('after Replace, what is left of the earlier save', () => {
  it('says which pack files of the earlier save were removed, joined as English joins a list', async () => {
    await renderSave({ removed: ['fix.ps1', 'rollback.ps1'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Removed what the earlier save had and this one does not: fix.ps1 and rollback.ps1.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns, as an alert, about a file that could not be removed, before anything is run there', async () => {
    await renderSave({ removed: [], stale: ['fix.ps1'] });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Left from the earlier save and could not be removed: fix.ps1. Delete it before you run anything in /tmp/relay-doctor-fixpack.');
  });

  it('says nothing more after a first save', async () => {
    await renderSave({});
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved 2 files to /tmp/relay-doctor-fixpack'));
    expect(screen.getByRole('status').textContent).not.toContain('Removed');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
