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

describe('ChainPicture: what was on the wire and what was supplied', () => {
  const issuing: CertificateReport = {
    ...leaf,
    sha1: 'B1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
    subject: 'CN=Contoso Issuing CA 2, O=Contoso',
    issuer: 'CN=Contoso Root, O=Contoso',
    isCa: true,
  };
  const root: CertificateReport = { ...issuing, sha1: 'C1B2C3D4E5F60718293A4B5C6D7E8F9012345678', subject: 'CN=Contoso Root, O=Contoso', selfSigned: true };

  it('marks each certificate as sent by the server, supplied by the admin or from the trust store', () => {
    draw(
      { leaf: leaf.sha1, path: [leaf.sha1, issuing.sha1, root.sha1], status: 'complete', trustStore: 'mozilla', sentByServer: [leaf.sha1], supplied: [issuing.sha1] },
      [leaf, issuing, root],
    );
    expect(screen.getByRole('button', { name: 'mail.contoso.com Server certificate · valid · sent by the server' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Contoso Issuing CA 2 Intermediate CA · valid · you supplied' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Contoso Root Root CA · valid · in the trust store' })).toBeTruthy();
    expect(screen.getByText('As the server sent it: 1 of 3 certificates came over the wire.')).toBeTruthy();
  });

  it('says a root the server sends was not needed', async () => {
    draw({ leaf: leaf.sha1, path: [leaf.sha1, root.sha1], status: 'complete', trustStore: 'mozilla', sentByServer: [leaf.sha1, root.sha1], supplied: [] }, [leaf, root]);
    const node = screen.getByRole('button', { name: 'Contoso Root Root CA · valid · sent by the server (not needed)' });
    await fireEvent.click(node);
    expect(screen.getByText(/^The server sends this root, which is not needed: Exchange Online/)).toBeTruthy();
  });

  it('never asks the server to send a root, and says Exchange Online needs a root in Microsoft’s program', async () => {
    draw({ ...chain, sentByServer: [], supplied: [leaf.sha1] }, [leaf]);
    expect(screen.getByText(/^From your files: this is what you have/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /^Missing: Contoso Issuing CA 2/ }));
    expect(screen.getByText(/^If it is an intermediate CA, the server must send it/)).toBeTruthy();
    expect(screen.getByText(/^If it is a root CA, no server sends it: .*Microsoft Trusted Root Program/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/link your server must send/);
  });

  it('explains an untrusted root: never sent, and Exchange Online trusts only Microsoft’s program', () => {
    draw({ leaf: leaf.sha1, path: [leaf.sha1, root.sha1], status: 'untrusted', trustStore: 'mozilla' }, [leaf, root]);
    expect(screen.getByText(/^Contoso Root is not trusted by the Mozilla root list\. A server never sends its root: Exchange Online trusts only roots in the Microsoft Trusted Root Program/)).toBeTruthy();
  });

  it('shows validity in the user’s time zone with UTC in the tooltip, and names CN first', async () => {
    draw(chain, [{ ...leaf, subject: 'C=CZ, O=Contoso, CN=mail.contoso.com' }]);
    await fireEvent.click(screen.getByRole('button', { name: /Server certificate/ }));
    expect(screen.getByText('CN=mail.contoso.com, C=CZ, O=Contoso')).toBeTruthy();
    const validity = screen.getByText(/January 1, 2026/);
    expect(validity.textContent).not.toMatch(/T00:00/);
    expect(validity.getAttribute('title')).toMatch(/UTC/);
  });
});
