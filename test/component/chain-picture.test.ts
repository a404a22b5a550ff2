import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ChainPicture from '../../renderer/src/components/ChainPicture.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import type { CertificateReport, ChainReport } from '../../shared/model/report';

afterEach(cleanup);

// The shape report.chains / report.certificates have for KB 3212877: a leaf whose issuer was not sent.
const leaf: CertificateReport = {
  sha1: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
  sha256: '00',
  subject: 'CN=mail.contoso.com, O=Contoso',
  issuer: 'CN=Contoso Issuing CA 2, O=Contoso',
  serial: '0A1B',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2027-01-01T00:00:00Z',
  dnsNames: ['mail.contoso.com'],
  eku: ['1.3.6.1.5.5.7.3.1'],
  isCa: false,
  selfSigned: false,
  sources: ['leaf-only.cer'],
};
const chain: ChainReport = {
  leaf: leaf.sha1,
  path: [leaf.sha1],
  status: 'incomplete',
  trustStore: 'mozilla',
  missingIssuer: 'CN=Contoso Issuing CA 2, O=Contoso',
  aiaUrls: ['http://pki.contoso.com/issuing2.crt'],
};

function draw(c: ChainReport, certs: CertificateReport[], at = '2026-11-28T12:00:00Z') {
  setLocale('en');
  return render(ChainPicture, { props: { chain: c, certificates: certs, validationTime: new Date(at), index: 0 } });
}

describe('ChainPicture', () => {
  it('draws the missing intermediate as a gap naming its AIA URL', () => {
    draw(chain, [leaf]);
    expect(screen.getByRole('button', { name: 'mail.contoso.com Server certificate · valid' })).toBeTruthy();
    const gap = screen.getByRole('button', { name: /^Missing: Contoso Issuing CA 2/ });
    expect(gap.querySelector('rect')).toBeTruthy();
    expect(gap.textContent).toContain('http://pki.contoso.com/issuing2.crt');
    expect(screen.getByText(/Incomplete: a link is missing/)).toBeTruthy();
  });

  it('shows a certificate’s details when its node is clicked', async () => {
    draw(chain, [leaf]);
    await fireEvent.click(screen.getByRole('button', { name: /Server certificate/ }));
    expect(screen.getByText('CN=mail.contoso.com, O=Contoso')).toBeTruthy();
    expect(screen.getByText(leaf.sha1)).toBeTruthy();
  });

  it('marks an expired certificate as expired', () => {
    draw({ ...chain, status: 'complete', path: [leaf.sha1] }, [leaf], '2027-06-01T00:00:00Z');
    expect(screen.getByRole('button', { name: 'mail.contoso.com Server certificate · expired or not yet valid' })).toBeTruthy();
  });
});
