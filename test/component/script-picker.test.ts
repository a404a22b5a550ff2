import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';
import { fixtureFile } from './pfx-fixtures';

afterEach(cleanup);

describe('the Fix step\'s script picker', () => {
  it('shows the collector as the chosen script when the evidence proves no fix (an NDR alone: no fix.ps1)', async () => {
    const app = renderApp();
    app.settings.chooseLocale('en');
    app.session.chooseSymptom('ndr');
    app.session.next();
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
    await fireEvent.drop(screen.getByRole('region', { name: /Drop zone/ }), fileDrop([fixtureFile('ndr/exchange-onprem-5.7.64.eml')]));
    await waitFor(() => expect(app.evidence.analysed).toBe(true));
    app.session.furthest = app.session.stepCount - 1;
    app.session.goTo(app.session.indexOf('fix'));
    const picker = (await screen.findByRole('combobox', { name: 'Script' }, { timeout: 20_000 })) as HTMLSelectElement;
    const options = [...picker.options].map((o) => o.value);
    expect(options).not.toContain('fix.ps1');
    expect(options).toContain('collect-evidence.ps1');
    // The picker names the script the preview shows, never a blank choice.
    expect(picker.value).toBe('collect-evidence.ps1');
  });
});
