import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEvtxFile } from '../../shared/eventlog/evtx/read-evtx-file';
import { readCapi2Event, type Capi2Event } from '../../shared/eventlog/capi2/capi2-event';
import { groupByTask, indexChains } from '../../shared/eventlog/capi2/correlate';
import { parseEventXml } from '../../shared/eventlog/xml/parse-event-xml';
import { runAnalysis } from '../../shared/engine/run';
import { DEFAULT_LIMITS } from '../../shared/model/input';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const LOG = `${CORPUS}omerbenamram-evtx/samples/E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx`;
const SNAPSHOT = `${CORPUS}omerbenamram-evtx/expected-snapshots/test_record_samples__event_xml_sample_with_user_data.snap`;
const MS_DOCS = `${CORPUS}ms-docs-capi2-xml/capi2-event30-CertVerifyCertificateChainPolicy-800B0109-TenantAttribution.xml`;
const present = existsSync(LOG) && existsSync(MS_DOCS) && existsSync(SNAPSHOT);
if (!present) console.warn(`[corpus] SKIPPED test/corpus/capi2-corpus.test.ts: ${LOG} or ${MS_DOCS} is missing (../shared/corpus not present)`);

function capi2Log() {
  const r = readEvtxFile(new Uint8Array(readFileSync(LOG)), { maxDepth: DEFAULT_LIMITS.maxNestingDepth, maxRecords: DEFAULT_LIMITS.maxRecords });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.records;
}

describe.skipIf(!present)('the real CAPI2 Operational log', () => {
  const records = present ? capi2Log() : [];
  const events = records.map(readCapi2Event).filter((e): e is Capi2Event => e !== null);

  it('yields all 340 records as CAPI2 events', () => {
    expect(records).toHaveLength(340);
    expect(events).toHaveLength(340);
  });

  it('reads the chain of every event 11 with decoded per-element trust flags', () => {
    const builds = events.filter((e) => e.kind === 'buildChain');
    expect(builds).toHaveLength(42);
    for (const e of builds) {
      expect(e.chains).toHaveLength(1);
      expect(e.chains[0]?.chainRef).toMatch(/^\{[0-9A-F-]{36}\}$/);
      expect(e.chains[0]?.elements.length).toBeGreaterThan(0);
    }
    // Every element of every chain names its certificate by thumbprint and decodes its InfoStatus.
    const elements = builds.flatMap((e) => e.chains[0]!.elements);
    expect(elements.every((el) => /^[0-9A-F]{40}$/.test(el.certificate.thumbprint ?? ''))).toBe(true);
    expect(elements.filter((el) => el.trust.infoFlags.includes('CERT_TRUST_IS_SELF_SIGNED')).length).toBeGreaterThan(0);
    const unknown = builds.filter((e) => e.chains[0]!.trust.errorFlags.includes('CERT_TRUST_REVOCATION_STATUS_UNKNOWN'));
    expect(unknown).toHaveLength(2);
    expect(unknown[0]!.chains[0]!.elements.map((el) => el.revocationResult?.symbol)).toContain('CRYPT_E_NO_REVOCATION_CHECK');
  });

  it('reads the Result of every call and groups the events by CorrelationAuxInfo TaskId', () => {
    const tasks = groupByTask(events);
    expect(tasks).toHaveLength(60);
    expect(tasks.reduce((n, t) => n + t.events.length, 0)).toBe(340);
    for (const t of tasks) {
      const seq = t.events.map((e) => e.seqNumber ?? 0);
      expect(seq).toEqual([...seq].sort((a, b) => a - b));
    }
    const results = new Map<string, number>();
    for (const e of events) if (e.result) results.set(`${e.eventId}:${e.result.symbol}`, (results.get(`${e.eventId}:${e.result.symbol}`) ?? 0) + 1);
    expect(Object.fromEntries(results)).toEqual({ '11:S_OK': 42, '30:S_OK': 42, '41:S_OK': 54, '51:S_OK': 15, '53:S_OK': 12, '81:S_OK': 8 });
  });

  it('links every policy verdict (event 30) to the chain an event 11 built, by chainRef', () => {
    const chains = indexChains(events);
    const verdicts = events.filter((e) => e.kind === 'verifyChainPolicy');
    expect(verdicts).toHaveLength(42);
    for (const v of verdicts) {
      const built = chains.get(v.chainRef!.toUpperCase());
      // A chain is often built under one TaskId and checked under several policies in later tasks.
      expect(built?.event.eventId, `record ${v.recordId}`).toBe(11);
      expect(built!.event.recordId).toBeLessThan(v.recordId);
    }
  });

  it('renders record 1 with the same System and UserData content as upstream evtx_dump', () => {
    const body = readFileSync(SNAPSHOT, 'utf8').split('\n---\n')[1] ?? '';
    const expected = parseEventXml(body, 256);
    const theirs = expected.ok ? expected.value.records[0]! : null;
    const ours = records.find((r) => r.recordId === 1)!;
    // Upstream prints microseconds, Event Viewer (and we) 100 ns ticks; everything else is equal.
    expect({ ...ours, timeCreated: '', system: { ...ours.system, 'TimeCreated@SystemTime': '' } }).toEqual({
      ...theirs,
      timeCreated: '',
      system: { ...theirs!.system, 'TimeCreated@SystemTime': '' },
    });
    expect(ours.timeCreated.slice(0, 26)).toBe(theirs!.timeCreated.slice(0, 26));
  });

  it('finds nothing actionable in a log of successful code-signing checks', async () => {
    const { report } = await runAnalysis([{ name: 'capi2.evtx', bytes: new Uint8Array(readFileSync(LOG)) }], { locale: 'en', now: new Date('2026-11-28T12:00:00Z'), trustAnchors: [] });
    // Two certificates whose CRL was unreachable (80092012), both in Setup.exe: reported, not actionable.
    expect(report.findings.map((f) => [f.id, f.severity, f.confidence, f.params.process])).toEqual([
      ['capi2.revocationOffline', 'info', 'possible', 'Setup.exe'],
      ['capi2.revocationOffline', 'info', 'possible', 'Setup.exe'],
    ]);
  });
});

describe.skipIf(!present)("Microsoft's KB 3212877 event 30 sample", () => {
  it('maps to capi2.untrustedRoot (800B0109) from lsass.exe with the certificate thumbprint', async () => {
    const { report } = await runAnalysis([{ name: 'kb3212877.xml', bytes: new Uint8Array(readFileSync(MS_DOCS)) }], { locale: 'en', now: new Date('2026-11-28T12:00:00Z'), trustAnchors: [] });
    expect(report.inputs).toEqual([{ file: 'kb3212877.xml', kind: 'events', status: 'ok', items: 1 }]);
    const f = report.findings.find((x) => x.id === 'capi2.untrustedRoot');
    expect(f).toMatchObject({
      severity: 'critical',
      confidence: 'certain',
      params: { result: '800B0109', resultName: 'CERT_E_UNTRUSTEDROOT', thumbprint: 'EC53EBC94A796C42E5B4E5851F961874F013D94C', subject: '*.ServerName.com', process: 'lsass.exe', policy: 'CERT_CHAIN_POLICY_SSL', computer: 'CORP-SMTP1.ServerName.com' },
      evidence: ['kb3212877.xml#record:3156'],
    });
    expect(f?.title).toBe('Windows did not trust the root of the chain for *.ServerName.com');
    expect(report.causes.map((c) => c.id)).toContain('cause.intermediatesNotSent');
  });
});
