import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import FindingCard from '../../renderer/src/components/FindingCard.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import type { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import type { FindingReport } from '../../shared/model/report';

afterEach(cleanup);

const EXACT = '<I>C=US, O=DigiCert Inc, CN=DigiCert G2 TLS RSA SHA256 2020 CA1<S>C=CZ, O=Contoso, CN=relay.contoso.com';

const stale: FindingReport = {
  id: 'sendConnector.staleCertificateName',
  severity: 'high',
  confidence: 'certain',
  params: { connector: 'Outbound to Office 365', tlsCertificateName: EXACT, reason: 'missing' },
  evidence: [],
  title: '',
  detail: '',
};

describe('FindingCard in plain words (issue 21 item 5)', () => {
  it('names the TlsCertificateName by subject and issuer in the sentence, and keeps the exact value in the expandable part', async () => {
    setLocale('en');
    const { container } = render(FindingCard, { finding: stale, store: {} as EvidenceStore });
    const sentence = container.querySelector('details > p')?.textContent ?? '';
    expect(sentence).toContain('CN=relay.contoso.com, C=CZ, O=Contoso (issued by CN=DigiCert G2 TLS RSA SHA256 2020 CA1, C=US, O=DigiCert Inc)');
    expect(sentence).not.toContain('<I>');
    expect(container.querySelector('summary')?.textContent).not.toContain('<I>');
    await fireEvent.click(container.querySelector('summary')!);
    const exact = screen.getByText(`Exact TlsCertificateName value: ${EXACT}`);
    expect(exact.closest('details')?.open).toBe(true);
    expect(exact.closest('summary')).toBeNull();
  });
});
