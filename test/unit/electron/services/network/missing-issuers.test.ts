import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiaCaIssuerUrls, fetchMissingIssuers, plannedAiaUrls } from '../../../../../electron/services/network/aia/missing-issuers';
import { fixture, issueLeafWithAia, pemDers, startHttp, PATIENT_MS } from './local-servers';

let server: Awaited<ReturnType<typeof startHttp>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-aia-'));
  server = await startHttp({
    '/int.cer': (res) => res.writeHead(200).end(fixture('int.cer')),
    '/root.cer': (res) => res.writeHead(200).end(pemDers(fixture('root.pem').toString())[0]),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('aiaCaIssuerUrls', () => {
  it('lists the caIssuers URLs and leaves OCSP out', () => {
    expect(aiaCaIssuerUrls(pemDers(fixture('server.pem').toString())[0] ?? new Uint8Array())).toEqual(['http://127.0.0.1/int.cer']);
  });
});

describe('plannedAiaUrls', () => {
  const server = pemDers(fixture('server.pem').toString())[0] ?? Buffer.alloc(0);
  it('names the URL of a certificate whose issuer is missing, for the notice shown before downloading', () => {
    expect(plannedAiaUrls([server])).toEqual(['http://127.0.0.1/int.cer']);
  });
  it('names nothing when the issuer is supplied and the root is an anchor', () => {
    expect(plannedAiaUrls([server, fixture('int.cer')], [pemDers(fixture('root.pem').toString())[0] ?? Buffer.alloc(0)])).toEqual([]);
  });
});

describe('fetchMissingIssuers', () => {
  it('downloads the missing intermediate after a dead URL, and stops at a trusted anchor', async () => {
    const leaf = issueLeafWithAia(dir, [`${server.base}/gone.cer`, `${server.base}/int.cer`]);
    const root = pemDers(fixture('root.pem').toString())[0] ?? Buffer.alloc(0);
    const r = await fetchMissingIssuers([leaf], { anchors: [root], timeoutMs: PATIENT_MS, allowPrivateAddresses: true });
    expect(r.fetched.map((f) => Buffer.from(f.issuerDer))).toEqual([fixture('int.cer')]);
    expect(r.failures.map((f) => f.error.code)).toEqual(['network.aiaHttpError']);
  });

  it('downloads nothing when the issuer is already present', async () => {
    const leaf = issueLeafWithAia(dir, [`${server.base}/int.cer`]);
    const before = server.hits.length;
    const r = await fetchMissingIssuers([leaf, fixture('int.cer')], { anchors: [pemDers(fixture('root.pem').toString())[0] ?? Buffer.alloc(0)], allowPrivateAddresses: true });
    expect(r.fetched).toEqual([]);
    expect(server.hits.length).toBe(before);
  });
});
