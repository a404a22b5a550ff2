import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import CauseItem from '../../renderer/src/components/CauseItem.svelte';
import VerdictBlock from '../../renderer/src/components/VerdictBlock.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import { leadOf } from '../../renderer/src/lib/lead';
import type { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import type { CauseReport, Report } from '../../shared/model/report';

afterEach(cleanup);

const EXACT = '<I>C=US, O=DigiCert Inc, CN=DigiCert G2 TLS RSA SHA256 2020 CA1<S>C=CZ, O=Contoso, CN=relay.contoso.com';

// What cause.wrongCertificatePresented carries when the Send connector still names the old certificate.
const cause: CauseReport = {
  id: 'cause.wrongCertificatePresented',
  confidence: 'certain',
  findings: [],
  remediation: ['remediation.fixSendConnectorCertificate'],
  title: '',
  detail: '',
  params: { sendConnector: 'Outbound to Office 365', staleName: EXACT, thumbprint: 'AB12' },
};

function report(): Report {
  return {
    schema: 'relay-doctor/report@1',
    generatedAt: '2026-12-07T12:00:00Z',
    validationTime: '2026-12-07T12:00:00Z',
    locale: 'en',
    inputs: [],
    certificates: [],
    chains: [],
    findings: [],
    causes: [cause],
    verdict: {
      status: 'cause',
      cause: cause.id,
      confidence: 'certain',
      next: { action: 'fix', server: 'EX01', remediation: cause.remediation, collect: [] },
      alternatives: [],
      mismatches: [],
      symptom: true,
    },
  };
}

/** Text of the element outside every <details> (what the admin reads without opening anything). */
function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll('details').forEach((d) => d.remove());
  return copy.textContent ?? '';
}

async function expectExactOnlyInDetails(container: Element, summary: string): Promise<void> {
  expect(container.textContent).toContain('<I>');
  expect(visibleText(container)).not.toContain('<I>');
  const fold = screen.getByText(summary).closest('details')!;
  expect(fold.open).toBe(false);
  await fireEvent.click(screen.getByText(summary));
  expect(fold.open).toBe(true);
  expect(fold.textContent).toContain(EXACT);
}

describe('causes keep <I>issuer<S>subject in a details area (issue 21 item 5)', () => {
  it('CauseItem folds the exact TlsCertificateName away under "Exact value for scripts"', async () => {
    setLocale('en');
    const { container } = render(CauseItem, { cause, findings: [], store: {} as EvidenceStore });
    await expectExactOnlyInDetails(container, 'Exact value for scripts');
  });

  it('VerdictBlock does the same for the lead cause, in German too', async () => {
    setLocale('de');
    const { container } = render(VerdictBlock, { lead: leadOf(report()), store: {} as EvidenceStore, onOnward: () => {} });
    await expectExactOnlyInDetails(container, 'Genauer Wert für Skripte');
    expect(screen.getByText('Genauer Wert von TlsCertificateName: ' + EXACT)).toBeTruthy();
  });

  it('shows no details area when no param is a TlsCertificateName', () => {
    setLocale('en');
    render(CauseItem, { cause: { ...cause, params: { sendConnector: 'X' } }, findings: [], store: {} as EvidenceStore });
    expect(screen.queryByText('Exact value for scripts')).toBeNull();
  });
});
