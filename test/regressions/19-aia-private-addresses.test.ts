import http from 'node:http';
import type net from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIssuer } from '../../electron/services/network/aia/fetch-issuer';
import { guardedLookup, refusedRange, RefusedAddressError } from '../../electron/services/network/aia/address-policy';
import { main, type CliIo } from '../../electron/cli/index';
import { fixture, issueLeafWithAia, LOOPBACK, pemDers, PATIENT_MS } from '../unit/electron/services/network/local-servers';

// Issue 19 item 1: an AIA URL is written by whoever made the certificate. It followed loopback in any
// spelling, redirects there, and sent URL userinfo as Authorization: Basic.

const child = pemDers(fixture('server.pem').toString())[0] ?? Buffer.alloc(0);

/** A loopback AIA server that records every request with its Authorization header. */
interface Recorder {
  readonly port: number;
  readonly requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}
async function startRecorder(routes: Record<string, (res: http.ServerResponse) => void>): Promise<Recorder> {
  const requests: Recorder['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '/', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const route = routes[req.url ?? '/'];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let aia: Recorder;
beforeAll(async () => {
  aia = await startRecorder({
    '/int.cer': (res) => res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(fixture('int.cer')),
    '/to-localhost': (res) => res.writeHead(302, { location: `http://localhost:${String(aia.port)}/int.cer` }).end(),
    '/to-userinfo': (res) => res.writeHead(302, { location: `http://admin:secret@${LOOPBACK}:${String(aia.port)}/int.cer` }).end(),
    '/to-metadata': (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  });
});
afterAll(() => aia.close());

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.8', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::7f00:1', 'reserved'],
  ])('refuses %s as %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '151.101.2.133', '2606:4700::6810:84e5', '2a01:111:f400::1'])('allows the public address %s', (address) => {
    expect(refusedRange(address)).toBeNull();
  });
});

describe('fetchIssuer without --allow-private-aia', () => {
  const port = () => String(aia.port);
  it.each([
    ['dotted', () => `http://127.0.0.1:${port()}/int.cer`],
    ['decimal', () => `http://2130706433:${port()}/int.cer`],
    ['hex', () => `http://0x7f.1:${port()}/int.cer`],
    ['octal', () => `http://0177.0.0.1:${port()}/int.cer`],
    ['short', () => `http://127.1:${port()}/int.cer`],
    ['full-width digits', () => `http://１２７．０．０．１:${port()}/int.cer`],
    ['ideographic full stops', () => `http://127。0。0。1:${port()}/int.cer`],
    ['halfwidth ideographic full stops', () => `http://127｡0｡0｡1:${port()}/int.cer`],
    ['IPv6 loopback', () => `http://[::1]:${port()}/int.cer`],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${port()}/int.cer`],
    ['unspecified', () => `http://0.0.0.0:${port()}/int.cer`],
  ])('refuses loopback spelled %s before connecting', async (_spelling, url) => {
    const before = aia.requests.length;
    const r = await fetchIssuer({ url: url(), childDer: child }, { timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.aiaPrivateAddress');
    expect(aia.requests.length).toBe(before);
  });

  it('refuses a name whose DNS answer is private, and one that mixes a public and a loopback address', async () => {
    const answers: Record<string, { address: string; family: number }[]> = {
      'pki.contoso.test': [{ address: LOOPBACK, family: 4 }],
      'rebind.contoso.test': [
        { address: '93.184.215.14', family: 4 },
        { address: LOOPBACK, family: 4 },
      ],
    };
    const lookup = ((host: string, _o: unknown, cb: (e: Error | null, a: unknown) => void) => cb(null, answers[host] ?? [])) as never;
    const before = aia.requests.length;
    for (const host of Object.keys(answers)) {
      const r = await fetchIssuer({ url: `http://${host}:${String(aia.port)}/int.cer`, childDer: child }, { timeoutMs: PATIENT_MS, lookup });
      expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaPrivateAddress', params: { host, address: LOOPBACK, range: 'loopback' } });
    }
    expect(aia.requests.length).toBe(before);
  });

  it('hands the socket only the addresses it checked, in the form the socket asked for', () => {
    const resolver = ((_h: string, _o: unknown, cb: (e: Error | null, a: unknown) => void) => cb(null, [{ address: '8.8.8.8', family: 4 }])) as never;
    const single: unknown[] = [];
    guardedLookup(resolver)('ok.test', { all: false }, (...args: unknown[]) => single.push(...args));
    expect(single).toEqual([null, '8.8.8.8', 4]);
    const refused: unknown[] = [];
    const toLoopback = ((_h: string, _o: unknown, cb: (e: Error | null, a: unknown) => void) => cb(null, '127.0.0.1')) as never;
    guardedLookup(toLoopback)('evil.test', { all: true }, (...args: unknown[]) => refused.push(...args));
    expect(refused[0]).toBeInstanceOf(RefusedAddressError);
  });

  it('refuses userinfo and never sends it as Authorization', async () => {
    const before = aia.requests.length;
    const r = await fetchIssuer({ url: `http://admin:secret@${LOOPBACK}:${String(aia.port)}/int.cer`, childDer: child }, { timeoutMs: PATIENT_MS, allowPrivateAddresses: true });
    expect(!r.ok && r.error.code).toBe('network.aiaUserinfo');
    expect(!r.ok && JSON.stringify(r.error)).not.toContain('secret');
    expect(aia.requests.length).toBe(before);
  });
});

describe('fetchIssuer redirects (lab mode, so the first hop may be loopback)', () => {
  const lab = { timeoutMs: PATIENT_MS, allowPrivateAddresses: true } as const;
  it('refuses a redirect to another host name, even one that resolves to the same address', async () => {
    const r = await fetchIssuer({ url: `http://${LOOPBACK}:${String(aia.port)}/to-localhost`, childDer: child }, lab);
    expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaRedirectOtherHost', params: { host: 'localhost' } });
    expect(aia.requests.at(-1)?.path).toBe('/to-localhost');
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const r = await fetchIssuer({ url: `http://${LOOPBACK}:${String(aia.port)}/to-metadata`, childDer: child }, lab);
    expect(!r.ok && r.error.code).toBe('network.aiaRedirectOtherHost');
  });

  it('refuses a redirect that adds userinfo, and no request ever carried an Authorization header', async () => {
    const r = await fetchIssuer({ url: `http://${LOOPBACK}:${String(aia.port)}/to-userinfo`, childDer: child }, lab);
    expect(!r.ok && r.error.code).toBe('network.aiaUserinfo');
    expect(aia.requests.filter((q) => q.authorization !== undefined)).toEqual([]);
  });
});

describe('relay-doctor analyze --fetch-aia', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { env: { LANG: 'en' }, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await main(argv, io);
    return { code, stdout, stderr };
  };

  it('refuses a loopback AIA URL, and follows it only with --allow-private-aia', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-19-aia-'));
    try {
      const leaf = join(dir, 'leaf.cer');
      writeFileSync(leaf, issueLeafWithAia(dir, [`http://2130706433:${String(aia.port)}/int.cer`]));
      const before = aia.requests.length;
      const refused = await run(['analyze', leaf, '--fetch-aia', '--json', '--at', '2026-12-01T00:00:00Z']);
      expect(refused.stderr).toContain('not a public address');
      expect(aia.requests.length).toBe(before);
      const lab = await run(['analyze', leaf, '--fetch-aia', '--allow-private-aia', '--json', '--at', '2026-12-01T00:00:00Z']);
      expect(lab.stderr).not.toContain('not a public address');
      expect(aia.requests.slice(before).map((q) => q.path)).toEqual(['/int.cer']);
      const sources = (JSON.parse(lab.stdout) as { inputs: { file: string }[] }).inputs.map((i) => i.file);
      expect(sources.some((s) => s.includes('/int.cer'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
