import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import NetworkPanel from '../../renderer/src/components/NetworkPanel.svelte';
import { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import { createInlineRunner } from '../../renderer/src/lib/inline-runner';
import type { NetworkCapture } from '../../shared/network/capture';
import { readCertificateBytes } from '../../shared/x509/read-certificate-bytes';
// A leaf whose AIA names http://pki.relay-doctor.test/issuing.cer, and a PKCS#7 holding that issuer.
import LEAF_BASE64 from '../fixtures/certs/leaf-bare-base64.txt?raw';
import P7C_PEM from '../fixtures/certs/chain-pem.p7c?raw';

/**
 * The boundary is `window.diag` (the preload's API): this fake records every call and answers with real
 * certificate bytes, so the panel, the evidence store and the engine behind it all run for real.
 */
// jsdom's import.meta.url is not a file URL; the test runs from the repository root.
const SERVER = LEAF_BASE64.replace(/\s+/g, '');
const AIA = 'http://pki.relay-doctor.test/issuing.cer';
const bundle = await readCertificateBytes('chain-pem.p7c', new TextEncoder().encode(P7C_PEM));
const INTERMEDIATE = (bundle.ok ? bundle.value.certificates : []).find((c) => c.subject.includes('Issuing CA'))?.derBase64 ?? '';

type Call = { method: string; req: unknown };
let calls: Call[];

function fakeDiag() {
  const record = (method: string, answer: (req: never) => unknown) => async (req: never) => (calls.push({ method, req }), answer(req));
  const probeCapture: NetworkCapture = { source: 'probe:mail.contoso.com:587', origin: 'probe', format: 'der', originDetail: 'mail.contoso.com:587', certificatesBase64: [SERVER] };
  return {
    networkProbe: record('networkProbe', () => ({
      ok: true,
      value: {
        host: 'mail.contoso.com', port: 587, implicitTls: false, remoteAddress: '192.0.2.10', banner: ['mail ESMTP'], capabilities: ['STARTTLS'],
        capabilitiesAfterTls: [], tls: { protocol: 'TLSv1.3', cipher: 'x', cipherStandardName: 'TLS_AES_256_GCM_SHA384' }, chainCapture: 'handshake',
        timings: [], transcript: [], capture: probeCapture,
      },
    })),
    networkFetchIssuers: record('networkFetchIssuers', () => ({
      ok: true,
      value: { captures: [{ source: AIA, origin: 'download', format: 'der', originDetail: AIA, certificatesBase64: [INTERMEDIATE] }], failures: [] },
    })),
    networkTestRelay: record('networkTestRelay', () => ({
      ok: true,
      value: {
        host: 'contoso-com.mail.protection.outlook.com', port: 25, remoteAddress: '192.0.2.20', tls: { protocol: 'TLSv1.3', cipher: 'x' }, presentedCertificates: [SERVER],
        steps: [{ stage: 'rcptTo', reply: { code: 550, enhanced: '5.7.64', lines: ['5.7.64 TenantAttribution; Relay Access Denied'] } }],
        outcome: 'tenantAttributionDenied', timings: [], transcript: [],
      },
    })),
  };
}

function renderPanel() {
  const store = new EvidenceStore(createInlineRunner(), () => ({ locale: 'en', answers: {} }));
  const view = render(NetworkPanel, { props: { store } });
  return { ...view, store };
}
const open = async () => fireEvent.click(screen.getByText('Online checks (optional)'));

beforeEach(() => {
  calls = [];
  Object.defineProperty(window, 'diag', { value: fakeDiag(), configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'diag');
});

describe('NetworkPanel', () => {
  it('is collapsed until the admin opens it', () => {
    const { container } = renderPanel();
    expect(container.querySelector('details')?.open).toBe(false);
  });

  it('probes only after the notice naming host and port is confirmed, and adds the chain as probe evidence', async () => {
    const { store } = renderPanel();
    await open();
    await fireEvent.input(screen.getByLabelText(/^Server/), { target: { value: 'mail.contoso.com:587' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Probe my server' }));
    expect(screen.getByText(/will connect to mail\.contoso\.com on port 587/)).toBeTruthy();
    expect(calls).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual([]);

    await fireEvent.click(screen.getByRole('button', { name: 'Probe my server' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Connect now' }));
    expect(calls).toEqual([{ method: 'networkProbe', req: { host: 'mail.contoso.com', port: 587 } }]);
    await waitFor(() => expect(store.report?.inputs.find((i) => i.file === 'probe:mail.contoso.com:587')).toMatchObject({ status: 'ok', kind: 'certificates', items: 1 }));
    expect(store.items.map((i) => i.name)).toEqual(['probe:mail.contoso.com:587']);
  });

  it('refuses a target that is not host[:port] without calling anything', async () => {
    renderPanel();
    await open();
    await fireEvent.input(screen.getByLabelText(/^Server/), { target: { value: 'http://mail.contoso.com/' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Probe my server' }));
    expect(screen.getByRole('alert').textContent).toContain('Not a host and port');
    expect(screen.queryByRole('button', { name: 'Connect now' })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('offers the download once a chain misses an issuer with an AIA URL, lists that URL, and sends it only after consent', async () => {
    const { store } = renderPanel();
    await open();
    const button = screen.getByRole('button', { name: 'Download missing intermediates' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await store.addFiles([{ name: 'leaf.cer', blob: new Blob([Uint8Array.from(atob(SERVER), (c) => c.charCodeAt(0))]) }]);
    await waitFor(() => expect(button.disabled).toBe(false));

    await fireEvent.click(button);
    expect(screen.getByText(/download issuer certificates from: http:\/\/pki\.relay-doctor\.test\/issuing\.cer\./)).toBeTruthy();
    expect(calls).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Connect now' }));
    expect(calls).toEqual([{ method: 'networkFetchIssuers', req: { certificates: [SERVER], urls: [AIA] } }]);
    await waitFor(() => expect(store.report?.inputs.find((i) => i.file === AIA)).toMatchObject({ status: 'ok', kind: 'certificates' }));
    expect(INTERMEDIATE).not.toBe('');
    await waitFor(() => expect(store.report?.chains[0]?.path).toHaveLength(2));
  });

  it('sends the test relay with the picked PFX only after consent, and shows the 5.7.64 outcome', async () => {
    renderPanel();
    await open();
    await fireEvent.input(screen.getByLabelText(/^Smart host/), { target: { value: 'contoso-com.mail.protection.outlook.com' } });
    const pfx = new File([new Uint8Array([0x30, 0x82, 0x01, 0x02])], 'relay.pfx');
    await fireEvent.change(screen.getByLabelText(/^Client certificate/), { target: { files: [pfx] } });
    await fireEvent.input(screen.getByLabelText('PFX password'), { target: { value: 'p4ss' } });
    await fireEvent.input(screen.getByLabelText(/^EHLO name/), { target: { value: 'relay.contoso.com' } });
    await fireEvent.input(screen.getByLabelText('MAIL FROM'), { target: { value: 'scanner@contoso.com' } });
    await fireEvent.input(screen.getByLabelText('RCPT TO'), { target: { value: 'someone@example.com' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send a test to Exchange Online' }));
    expect(screen.getByText(/connect to contoso-com\.mail\.protection\.outlook\.com on port 25/)).toBeTruthy();
    expect(calls).toEqual([]);

    await fireEvent.click(screen.getByRole('button', { name: 'Connect now' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: 'networkTestRelay',
      req: { host: 'contoso-com.mail.protection.outlook.com', port: 25, heloName: 'relay.contoso.com', mailFrom: 'scanner@contoso.com', rcptTo: 'someone@example.com', credentials: { pfxBase64: 'MIIBAg==', password: 'p4ss' } },
    });
    expect(await screen.findByText('Exchange Online refused the relay: 5.7.64 TenantAttribution')).toBeTruthy();
    expect(screen.getByText(/550 5\.7\.64 TenantAttribution; Relay Access Denied/)).toBeTruthy();
  });
});
