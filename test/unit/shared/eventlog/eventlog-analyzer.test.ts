import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventLogAnalyzer } from '../../../../shared/eventlog/analyze/eventlog-analyzer';
import { runAnalysis } from '../../../../shared/engine/run';
import type { Evidence } from '../../../../shared/model/evidence';
import type { Finding } from '../../../../shared/model/finding';
import { evtxReader, eventXmlReader } from '../../../../shared/eventlog/readers';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';
import type { CertificateEvidence } from '../../../../shared/x509/types';
import { LEAF_THUMBPRINT } from '../../../fixtures/evtx/events';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/evtx/${path}`, import.meta.url)));
const context = { now: new Date('2026-11-28T12:00:00Z'), trustAnchors: [], answers: {} };

async function evidenceOf(name: string, path: string): Promise<Evidence[]> {
  const bytes = fixture(path);
  const reader = evtxReader.sniff({ name, bytes }) > 1 ? evtxReader : eventXmlReader;
  const r = await reader.read({ name, bytes }, { limits: DEFAULT_LIMITS });
  return r.ok ? [...r.value.evidence] : [];
}

const byId = (findings: readonly Finding[], id: string) => findings.filter((f) => f.id === id);

describe('eventLogAnalyzer', () => {
  it('reports 800B0109 from Schannel as capi2.untrustedRoot with the thumbprint, process and policy', async () => {
    const { findings } = await eventLogAnalyzer.analyze(await evidenceOf('capi2.evtx', 'capi2-and-exchange.evtx'), context);
    const [f] = byId(findings, 'capi2.untrustedRoot');
    expect(f).toMatchObject({
      severity: 'critical',
      confidence: 'certain',
      params: { subject: 'mail.contoso.com', thumbprint: LEAF_THUMBPRINT, process: 'lsass.exe', policy: 'CERT_CHAIN_POLICY_SSL', result: '800B0109', resultName: 'CERT_E_UNTRUSTEDROOT', context: 'tls', count: 1 },
      evidence: ['capi2.evtx#record:42'],
    });
  });

  it('reports the partial chain of event 11 once per certificate, however many ways the event says so', async () => {
    const { findings } = await eventLogAnalyzer.analyze(await evidenceOf('capi2.evtx', 'capi2-and-exchange.evtx'), context);
    const partial = byId(findings, 'capi2.partialChain');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ severity: 'critical', params: { thumbprint: LEAF_THUMBPRINT, count: 1 }, evidence: ['capi2.evtx#record:41'] });
  });

  it('keeps an offline revocation check of a code-signing chain but marks it info / possible', async () => {
    const { findings } = await eventLogAnalyzer.analyze(await evidenceOf('capi2.evtx', 'capi2-and-exchange.evtx'), context);
    const [f] = byId(findings, 'capi2.revocationOffline');
    expect(f).toMatchObject({ severity: 'info', confidence: 'possible', params: { process: 'Setup.exe', context: 'other', subject: 'Contoso Code Signing' } });
  });

  it('maps Exchange transport 12014, 12016 and 12018 to exchange.* findings with subject and thumbprint', async () => {
    const { findings } = await eventLogAnalyzer.analyze(await evidenceOf('app.xml', 'xml/exchange-saved-events.xml'), context);
    expect(findings.map((f) => [f.id, f.params.subject, f.params.thumbprint ?? null, f.evidence[0]])).toEqual([
      ['exchange.tlsCertificateNotFound', 'mail.contoso.com', null, 'app.xml#record:7001'],
      ['exchange.tlsCertificateExpiresSoon', 'CN=mail.contoso.com', 'B1C2D3E4F5A60718293A4B5C6D7E8F9012345678', 'app.xml#record:7100'],
      ['exchange.tlsCertificateExpired', 'mail.contoso.com', 'C1D2E3F4A5B60718293A4B5C6D7E8F9012345678', 'app.xml#record:7150'],
    ]);
  });

  it('reports an expired leaf with the NotAfter that event 90 of the same log dumps', async () => {
    const { findings } = await eventLogAnalyzer.analyze(await evidenceOf('expired.xml', 'xml/capi2-expired-leaf.xml'), context);
    expect(byId(findings, 'capi2.expired')).toEqual([
      expect.objectContaining({
        severity: 'critical',
        params: expect.objectContaining({ subject: 'relay.contoso.com', thumbprint: 'D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4', notAfter: '2026-11-01T00:00:00Z', result: '800B0101', count: 1 }),
        evidence: ['expired.xml#record:501'],
      }),
    ]);
  });

  it('links an event to certificate evidence with the same SHA-1 through a cert: reference', async () => {
    const cert = { kind: 'certificates', id: 'c', source: 'leaf.cer', origin: 'file', certificates: [{ sha1: LEAF_THUMBPRINT }] } as unknown as CertificateEvidence;
    const { findings } = await eventLogAnalyzer.analyze([...(await evidenceOf('capi2.evtx', 'capi2-and-exchange.evtx')), cert], context);
    expect(byId(findings, 'capi2.untrustedRoot')[0]?.evidence).toEqual(['capi2.evtx#record:42', `cert:${LEAF_THUMBPRINT}`]);
  });
});

describe('runAnalysis with event logs', () => {
  it('turns a wevtutil export into localized CAPI2 findings in the report', async () => {
    const { report } = await runAnalysis([{ name: 'capi2.xml', bytes: fixture('xml/wevtutil-qe-capi2-run.xml') }], { locale: 'cs', now: context.now, trustAnchors: [] });
    expect(report.inputs).toEqual([{ file: 'capi2.xml', kind: 'events', status: 'ok', items: 2 }]);
    const f = report.findings.find((x) => x.id === 'capi2.untrustedRoot');
    expect(f?.title).toBe('Windows nedůvěřuje kořeni řetězu certifikátu mail.contoso.com');
    expect(f?.detail).toContain('KB 3212877');
  });

  it('localizes the warnings of a damaged .evtx in the report', async () => {
    const { report } = await runAnalysis([{ name: 'bad.evtx', bytes: fixture('chunk0-header-checksum-flipped.evtx') }], { locale: 'en', now: context.now, trustAnchors: [] });
    expect(report.inputs[0]).toMatchObject({ status: 'ok', items: 1, damaged: 1, warnings: [{ code: 'eventlog.evtx.chunk.headerChecksum', message: 'Chunk 0 failed its header checksum and was skipped.' }] });
  });
});
