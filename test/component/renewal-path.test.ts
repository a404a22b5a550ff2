import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { fileDrop, renderApp } from './app-harness';

// The scenarios' own date (expected.json `at`): their certificates are judged as of then, not by the real
// clock, under which they expire one day. Only Date is faked; timers run.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Node's fs at run time (component tests are typed for the renderer; Vite will not serve .pfx as modules). */
interface NodeProcess {
  cwd(): string;
  getBuiltinModule(id: 'node:fs'): { readFileSync(path: string): Uint8Array; readdirSync(path: string): string[] };
}
const node = (globalThis as unknown as { process: NodeProcess }).process;
const fs = node.getBuiltinModule('node:fs');

/** A renewal scenario of the pre-flight suite (test/scenarios/preflight), as files an admin drops. */
function scenario(name: string) {
  const dir = `${node.cwd()}/test/scenarios/preflight/${name}`;
  const expected = JSON.parse(new TextDecoder().decode(fs.readFileSync(`${dir}/expected.json`))) as { new: string; args: { password: string } };
  const file = (f: string) => new File([new Uint8Array(fs.readFileSync(`${dir}/${f}`))], f);
  const current = fs.readdirSync(dir).filter((f) => f !== 'expected.json' && f !== '_args' && f !== expected.new);
  // The scenario's private root stands for a root of Microsoft's program (the CLI's --trust).
  const pem = new TextDecoder().decode(fs.readFileSync(`${dir}/_args/root.pem`));
  const root = pem.replace(/-----[^-]+-----|\s/g, '');
  return { fresh: file(expected.new), current: current.map(file), password: expected.args.password, root };
}

async function toPreflight(name: string) {
  const app = renderApp();
  const s = scenario(name);
  app.evidence.setTrustAnchors([{ derBase64: s.root, store: 'user' }]);
  app.session.chooseSymptom('renewal');
  app.session.next();
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
  await fireEvent.drop(screen.getByRole('region', { name: 'Drop zone for the new certificate' }), fileDrop([s.fresh]));
  // The PFX asks for its password in its own row, as in the evidence list.
  const field = await screen.findByLabelText(`Password for ${s.fresh.name}`, undefined, { timeout: 10_000 });
  await fireEvent.input(field, { target: { value: s.password } });
  await fireEvent.click(screen.getByRole('button', { name: `Unlock ${s.fresh.name}` }));
  await waitFor(() => expect(screen.queryByLabelText(`Password for ${s.fresh.name}`)).toBeNull(), { timeout: 10_000 });
  await fireEvent.drop(screen.getByRole('region', { name: /^Drop zone for evidence/ }), fileDrop(s.current));
  const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
  await waitFor(() => expect(next.disabled).toBe(false), { timeout: 20_000 });
  await fireEvent.click(next);
  await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Pre-flight' }));
  return { ...app, ...s };
}

describe('Renewal path (issue 22)', () => {
  it('checks a healthy renewal: will work, each check with its evidence, the exact Send connector value in a details area', async () => {
    const { session, evidence } = await toPreflight('healthy-renewal-same-issuer');
    // No questions in between: the pre-flight reads the evidence itself.
    const steps = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(steps).queryByRole('button', { name: /Your environment/ })).toBeNull();
    const verdict = screen.getByRole('region', { name: 'The new certificate will work' });
    expect(within(verdict).getByText(/^With 1 warning: Hybrid connectors and the Hybrid Configuration Wizard\./)).toBeTruthy();
    expect(within(verdict).getByText(/^Checked: CN=mail\.contoso\.com/)).toBeTruthy();
    const report = evidence.preflight?.ok ? evidence.preflight.value : null;
    expect(report?.verdict).toBe('willWork');
    const value = within(verdict).getByText(report!.certificate.sendConnectorName);
    expect(value.closest('details')?.open).toBe(false);
    expect(report!.certificate.sendConnectorName).toMatch(/^<I>.*<S>.*mail\.contoso\.com/);
    const checks = screen.getByRole('region', { name: 'All 12 checks' });
    expect(within(checks).getAllByRole('article')).toHaveLength(12);
    const chain = within(checks).getByRole('article', { name: 'The chain can be sent' });
    expect(within(chain).getByText('Passes')).toBeTruthy();
    // Names CN first, as certmgr shows them; the Send connector's value stays exactly as Exchange needs it.
    expect(within(chain).getByText(/^The file holds every intermediate \(CN=Relay Doctor Test TLS RSA CA G1, C=US, O=Relay Doctor Test PKI\)/)).toBeTruthy();
    // The findings are of the current state: the new certificate is not among their inputs.
    expect(evidence.report?.inputs.map((i) => i.file)).not.toContain('mail.contoso.com-2027.pfx');
    expect(session.baseline).toBeNull();
  });

  it('says a renewal will break and why: the Send connector still names the old certificate', async () => {
    await toPreflight('send-connector-names-old-certificate');
    const verdict = screen.getByRole('region', { name: 'The new certificate will break relay' });
    expect(within(verdict).getByText(/^Because of 1 failed check: Send connector\. Fix it before the switch\./)).toBeTruthy();
    const check = screen.getByRole('article', { name: 'Send connector' });
    expect(within(check).getByText('Fails')).toBeTruthy();
    expect(within(check).getByText(/names another certificate/)).toBeTruthy();
    // Its evidence: the Get-SendConnector output it read.
    expect(within(check).getByText(/The evidence/)).toBeTruthy();
  });

  it('builds the switch-over pack in the worker from the pre-flight: scripts, rollback, guide and report, never the PFX', async () => {
    await toPreflight('healthy-renewal-same-issuer');
    await fireEvent.click(screen.getByRole('button', { name: 'Build the switch-over pack' }));
    const files = await screen.findByRole('list', { name: 'Files in the switch-over pack' }, { timeout: 10_000 });
    const names = within(files).getAllByRole('listitem').map((li) => li.querySelector('code')?.textContent);
    expect(names).toEqual(['guide.md', 'guide.html', 'switch-over.ps1', 'rollback.ps1', 'report.json']);
    expect(names.some((n) => n?.endsWith('.pfx'))).toBe(false);
  });

  it('after the switch keeps the current state as the baseline and asks for the server as it is now', async () => {
    const { session, evidence } = await toPreflight('healthy-renewal-same-issuer');
    const before = evidence.report;
    await fireEvent.click(screen.getByRole('button', { name: 'I have switched: check the server again' }));
    await waitFor(() => screen.getByRole('heading', { level: 2, name: 'Evidence' }));
    expect(session.baseline).toBe(before);
    expect(evidence.items).toHaveLength(0);
    expect(evidence.newCertificate).toBeNull();
    expect(screen.getByText(/^After the switch: add the evidence of the server as it is now/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Drop zone for the new certificate' })).toBeNull();
    const steps = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(steps).queryByRole('button', { name: /Pre-flight/ })).toBeNull();
  });
});
