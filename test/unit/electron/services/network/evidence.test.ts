import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeSmtp } from '../../../../../electron/services/network/probe-smtp';
import { fetchIssuer } from '../../../../../electron/services/network/aia/fetch-issuer';
import { downloadEvidence, probeEvidence } from '../../../../../electron/services/network/evidence';
import { analyzeEvidence } from '../../../../../shared/engine/analyze';
import { fixture, LOOPBACK, pemDers, startHttp, startSmtp, type RunningSmtp, PATIENT_MS } from './local-servers';

const root = { derBase64: (pemDers(fixture('root.pem').toString())[0] ?? Buffer.alloc(0)).toString('base64'), store: 'user' as const };
const now = new Date('2027-01-01T00:00:00Z');
let leafOnly: RunningSmtp;
let aia: Awaited<ReturnType<typeof startHttp>>;
beforeAll(async () => {
  leafOnly = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem') });
  aia = await startHttp({ '/int.cer': (res) => res.writeHead(200).end(fixture('int.cer')) });
});
afterAll(async () => {
  await leafOnly.close();
  await aia.close();
});

describe('network captures as certificate evidence', () => {
  it('turns a leaf-only capture into probe evidence that the engine reports as chain.missingIntermediate', async () => {
    const r = await probeSmtp({ host: LOOPBACK, port: leafOnly.port, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    const { evidence, undecodable } = probeEvidence(r.value);
    expect(undecodable).toBe(0);
    expect(evidence).toMatchObject({ origin: 'probe', source: `probe:${LOOPBACK}:${String(leafOnly.port)}` });
    expect(evidence.certificates.map((c) => c.commonNames[0])).toEqual(['localhost']);
    const analysis = await analyzeEvidence([evidence], { now, trustAnchors: [root], answers: {} });
    expect(analysis.findings.map((f) => f.id)).toContain('chain.missingIntermediate');
  });

  it('adds the verified download as evidence "downloaded from URL" and the chain becomes complete', async () => {
    const r = await probeSmtp({ host: LOOPBACK, port: leafOnly.port, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    const url = `${aia.base}/int.cer`;
    const got = await fetchIssuer({ url, childDer: r.value.certificates[0] ?? new Uint8Array() }, { timeoutMs: PATIENT_MS, allowPrivateAddresses: true });
    if (!got.ok) throw new Error(got.error.code);
    const download = downloadEvidence(got.value).evidence;
    expect(download).toMatchObject({ origin: 'download', source: url, origin_detail: url, format: 'der' });
    const analysis = await analyzeEvidence([probeEvidence(r.value).evidence, download], { now, trustAnchors: [root], answers: {} });
    expect(analysis.findings.map((f) => f.id)).not.toContain('chain.missingIntermediate');
  });
});
