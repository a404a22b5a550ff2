import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';
import { liveNetworkServices, type NetworkServices } from '../../../../../electron/main/ipc/network-handlers';
import { fetchIssuer, probeSmtp, testRelay } from '../../../../../electron/services/network/index';
import { captureEvidence } from '../../../../../shared/network/capture';
import { closedPort, fixture, issueLeafWithAia, LOOPBACK, pemDers, startHttp, startSmtp, type RunningSmtp } from '../../services/network/local-servers';

/**
 * The real services, with short timeouts; every server below listens on 127.0.0.1 only, so the AIA fetch is
 * allowed loopback here as the CLI's lab option allows it (the app itself never sets that).
 */
const aiaOptions = { timeoutMs: 3000, allowPrivateAddresses: true };
const services: NetworkServices = {
  probeSmtp: (o) => probeSmtp({ ...o, timeoutMs: 3000 }),
  fetchIssuer: (r) => fetchIssuer(r, aiaOptions),
  testRelay: (o) => testRelay({ ...o, timeoutMs: 3000 }),
};
/** The admin says yes to main's consent dialog here; network-consent.test.ts covers "no". */
const agree = async (): Promise<boolean> => true;
const deps = (network: NetworkServices = services): HandlerDeps => ({
  pickExportFolder: async () => null,
  pickSavePath: async () => null,
  pickCasePath: async () => null,
  osLocale: () => 'en-US',
  confirmConnection: agree,
  network,
});
const h = createHandlers(deps());
const b64 = (d: Uint8Array): string => Buffer.from(d).toString('base64');

let leafOnly: RunningSmtp;
let eop: RunningSmtp;
let http: Awaited<ReturnType<typeof startHttp>>;
let dir: string;
const CONNECTOR_NAME = 'relay.contoso.test';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-ipc-net-'));
  leafOnly = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem') });
  // Exchange-Online-like: 550 5.7.64 unless the client chain validates and names the connector.
  const attributed = new Map<string, boolean>();
  eop = await startSmtp({
    key: fixture('server.key'),
    cert: fixture('server-full.pem'),
    ca: fixture('root.pem'),
    requestCert: true,
    rejectUnauthorized: false,
    onSecure(socket, session, cb) {
      const s = socket as TLSSocket;
      attributed.set(session.id, s.authorized && String(s.getPeerCertificate().subject?.CN ?? '') === CONNECTOR_NAME);
      cb();
    },
    onRcptTo(_a, session, cb) {
      if (attributed.get(session.id)) return cb();
      return cb(Object.assign(new Error('5.7.64 TenantAttribution; Relay Access Denied'), { responseCode: 550 }));
    },
  });
  http = await startHttp({ '/int.cer': (res) => res.writeHead(200).end(fixture('int.cer')) });
});
afterAll(async () => {
  await Promise.all([leafOnly.close(), eop.close(), http.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('network:probe', () => {
  it('returns the chain the server sent as a capture that decodes to probe evidence', async () => {
    const r = await dispatch(h, 'network:probe', { host: LOOPBACK, port: leafOnly.port });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.capture).toMatchObject({ origin: 'probe', source: `probe:${LOOPBACK}:${String(leafOnly.port)}`, format: 'der' });
    expect(r.value.capture.certificatesBase64).toEqual(pemDers(fixture('server.pem').toString()).map(b64));
    const evidence = captureEvidence(r.value.capture);
    expect(evidence).toMatchObject({ kind: 'certificates', origin: 'probe', origin_detail: `${LOOPBACK}:${String(leafOnly.port)}` });
    expect(evidence.certificates).toHaveLength(1);
    expect(r.value.capabilities.length).toBeGreaterThan(0);
  });

  it('returns a refused connection as a NetworkError value', async () => {
    const r = await h['network:probe']({ host: LOOPBACK, port: await closedPort() });
    expect(r).toMatchObject({ ok: false, error: { code: 'network.refused' } });
  });

  it('refuses a bad host before any service is called', async () => {
    const calls: string[] = [];
    const spy: NetworkServices = { ...liveNetworkServices, probeSmtp: async (o) => (calls.push(o.host), services.probeSmtp(o)) };
    const r = await dispatch(createHandlers(deps(spy)), 'network:probe', { host: 'mail.contoso.com; rm -rf', port: 25 });
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
    expect(calls).toEqual([]);
  });
});

describe('network:fetchIssuers', () => {
  it('downloads only from URLs the admin agreed to, and returns a verified issuer as a download capture', async () => {
    const leaf = issueLeafWithAia(dir, [`${http.base}/other.cer`, `${http.base}/int.cer`]);
    const before = http.hits.length;
    const r = await dispatch(h, 'network:fetchIssuers', { certificates: [b64(leaf)], urls: [`${http.base}/int.cer`] });
    if (!r.ok) throw new Error(r.error.code);
    expect(http.hits.slice(before)).toEqual(['/int.cer']);
    expect(r.value.failures).toEqual([]);
    expect(r.value.captures).toEqual([
      { source: `${http.base}/int.cer`, origin: 'download', format: 'der', originDetail: `${http.base}/int.cer`, certificatesBase64: [b64(fixture('int.cer'))] },
    ]);
    expect(captureEvidence(r.value.captures[0]!).certificates[0]?.derBase64).toBe(b64(fixture('int.cer')));
  });

  it('contacts nothing when none of the agreed URLs belongs to the certificates', async () => {
    const leaf = issueLeafWithAia(dir, [`${http.base}/int.cer`]);
    const before = http.hits.length;
    const r = await h['network:fetchIssuers']({ certificates: [b64(leaf)], urls: ['http://127.0.0.1:9/elsewhere.cer'] });
    expect(r).toEqual({ ok: true, value: { captures: [], failures: [] } });
    expect(http.hits.length).toBe(before);
  });

  it('reports a URL that answers 404 as a failure value', async () => {
    const leaf = issueLeafWithAia(dir, [`${http.base}/gone.cer`]);
    const r = await h['network:fetchIssuers']({ certificates: [b64(leaf)], urls: [`${http.base}/gone.cer`] });
    expect(r.ok && r.value.failures.map((f) => [f.url, f.error.code])).toEqual([[`${http.base}/gone.cer`, 'network.aiaHttpError']]);
  });
});

describe('network:testRelay', () => {
  const base = { host: LOOPBACK, heloName: 'relay.contoso.test', mailFrom: 'printer@contoso.test', rcptTo: 'someone@example.test' };
  const PASSWORD = 'test-only';

  it('is accepted with the full-chain PFX, and the password is in no returned value or log', async () => {
    const logged: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a)));
    try {
      const r = await dispatch(h, 'network:testRelay', { ...base, port: eop.port, credentials: { pfxBase64: b64(fixture('client-full.pfx')), password: PASSWORD } });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.outcome).toBe('accepted');
      expect(r.value.presentedCertificates).toEqual(pemDers(fixture('client-full.pem').toString()).map(b64));
      expect(JSON.stringify(r)).not.toContain(PASSWORD);
      expect(JSON.stringify(logged)).not.toContain(PASSWORD);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('gets tenantAttributionDenied with the leaf-only PFX', async () => {
    const r = await h['network:testRelay']({ ...base, port: eop.port, credentials: { pfxBase64: b64(fixture('client-leaf.pfx')), password: PASSWORD } });
    expect(r.ok && r.value.outcome).toBe('tenantAttributionDenied');
    expect(r.ok && r.value.steps.find((s) => s.stage === 'rcptTo')?.reply.enhanced).toBe('5.7.64');
  });

  it('returns a wrong password as clientCredentialsInvalid without echoing it', async () => {
    const wrong = 'hunter2-wrong';
    const r = await h['network:testRelay']({ ...base, port: eop.port, credentials: { pfxBase64: b64(fixture('client-full.pfx')), password: wrong } });
    expect(r).toMatchObject({ ok: false, error: { code: 'network.clientCredentialsInvalid', params: { reason: 'password' } } });
    expect(JSON.stringify(r)).not.toContain(wrong);
  });
});
