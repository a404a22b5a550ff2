import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { renderApp } from './app-harness';

afterEach(cleanup);

async function openEnvironmentStep() {
  const app = renderApp();
  app.session.chooseSymptom('ndr');
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Your environment' }));
  return app;
}

describe('Environment step', () => {
  it('asks the questions of the shared question tree', async () => {
    await openEnvironmentStep();
    expect(screen.getByRole('group', { name: 'Which system relays the mail to Exchange Online?' })).toBeTruthy();
    expect(screen.getByRole('group', { name: /How does the inbound connector/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: "What is the connector's TlsSenderCertificateName?" })).toBeTruthy();
  });

  it('stops asking for the certificate name once the connector is said to be IP-based', async () => {
    const { session } = await openEnvironmentStep();
    await fireEvent.click(screen.getByRole('radio', { name: 'By IP address (SenderIPAddresses)' }));
    expect(session.answers.connectorType).toBe('ip');
    expect(screen.queryByRole('textbox', { name: /TlsSenderCertificateName/ })).toBeNull();
  });

  it('asks about internal mail only for Exchange', async () => {
    const { session } = await openEnvironmentStep();
    expect(screen.queryByRole('group', { name: /mail between your own mailboxes/ })).toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: 'Exchange Server' }));
    expect(screen.getByRole('group', { name: /mail between your own mailboxes/ })).toBeTruthy();
    await fireEvent.click(screen.getAllByRole('radio', { name: 'No' }).at(-1)!);
    expect(session.answers.internalMailFlows).toBe(false);
  });
});
