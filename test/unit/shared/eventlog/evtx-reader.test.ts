import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readEvtxFile } from '../../../../shared/eventlog/evtx/read-evtx-file';
import { readEvtxChunks } from '../../../../shared/eventlog/evtx/read-evtx';
import { readFileHeader } from '../../../../shared/eventlog/evtx/file-header';
import { evtxReader } from '../../../../shared/eventlog/readers';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';
import { buildEvtx } from '../../../fixtures/evtx/build-evtx';
import { CAPI2_EVENTS, capi2PolicyUntrustedRoot, exchange12014, LEAF_THUMBPRINT } from '../../../fixtures/evtx/events';
import { CHUNK0_FIRST_RECORD, FIXTURES } from '../../../fixtures/evtx/fixture-files';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/evtx/${name}`, import.meta.url)));
const opts = { maxDepth: 64, maxRecords: 1000 };

function read(bytes: Uint8Array) {
  const r = readEvtxFile(bytes, opts);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('readEvtxFile', () => {
  it('reads every record of a clean log with its System fields and UserData tree', () => {
    const { records, damaged, warnings } = read(fixture('capi2-and-exchange.evtx'));
    expect(damaged).toBe(0);
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.recordId, r.eventId, r.provider])).toEqual([
      [41, 11, 'Microsoft-Windows-CAPI2'],
      [42, 30, 'Microsoft-Windows-CAPI2'],
      [43, 11, 'Microsoft-Windows-CAPI2'],
      [7001, 12014, 'MSExchangeFrontEndTransport'],
    ]);
    const e30 = records[1]!;
    expect(e30).toMatchObject({ level: 2, channel: 'Microsoft-Windows-CAPI2/Operational', computer: 'SMTP1.contoso.com', timeCreated: '2026-11-20T08:15:02.1300000Z' });
    expect(e30.system).toMatchObject({ 'Provider@Guid': '{5BBCA4A8-B209-48DC-A8C7-B23D3E5216FB}', Keywords: '0x4000000000000001', 'Execution@ProcessID': '712', 'Security@UserID': 'S-1-5-18' });
    // Optional substitutions with no value drop the attribute (Correlation/@ActivityID).
    expect(e30.system).toHaveProperty('Correlation', '');
    expect(e30.system).not.toHaveProperty('Correlation@ActivityID');
    const policy = e30.data?.children[0];
    expect(policy?.name).toBe('CertVerifyCertificateChainPolicy');
    expect(policy?.children.find((c) => c.name === 'Certificate')?.attributes.fileRef).toBe(`${LEAF_THUMBPRINT}.cer`);
    expect(policy?.children.find((c) => c.name === 'Result')).toMatchObject({ attributes: { value: '800B0109' } });
    expect(records[3]!.system).toMatchObject({ 'EventID@Qualifiers': '49156' });
  });

  it('matches the bytes the fixture builder makes (committed fixtures are current)', () => {
    for (const [name, make] of Object.entries(FIXTURES)) expect(Buffer.compare(fixture(name), make()), name).toBe(0);
  });

  it('reports and skips a chunk whose header checksum has a flipped byte, and reads the next chunk', () => {
    const { records, damaged, warnings } = read(fixture('chunk0-header-checksum-flipped.evtx'));
    expect(records.map((r) => r.eventId)).toEqual([12014]);
    expect(damaged).toBe(1);
    expect(warnings).toContainEqual({ code: 'eventlog.evtx.chunk.headerChecksum', params: { chunk: 0 } });
  });

  it('reports a records checksum mismatch and skips only the record whose BinXML broke', () => {
    const bytes = buildEvtx([CAPI2_EVENTS]);
    bytes[CHUNK0_FIRST_RECORD + 24 + 4] = 0x07; // the record's template instance token becomes CDATA garbage
    const { records, damaged, warnings } = read(bytes);
    expect(warnings.map((w) => w.code)).toEqual(['eventlog.evtx.chunk.recordsChecksum.mismatch', 'eventlog.evtx.recordDamaged']);
    expect(damaged).toBe(1);
    expect(records.map((r) => r.recordId)).toEqual([42, 43]);
  });

  it('reports a file that ends inside a chunk and keeps the complete chunks', () => {
    const bytes = buildEvtx([CAPI2_EVENTS, [exchange12014]]).subarray(0, 4096 + 0x10000 + 1000);
    const { records, warnings } = read(bytes);
    expect(records).toHaveLength(3);
    expect(warnings).toContainEqual({ code: 'eventlog.evtx.chunkTruncated', params: { chunk: 1 } });
  });

  it('treats an all-zero preallocated chunk as unused, not damaged', () => {
    const bytes = new Uint8Array(4096 + 3 * 0x10000);
    bytes.set(buildEvtx([[capi2PolicyUntrustedRoot], [exchange12014]]));
    const header = readFileHeader(bytes)!;
    const steps = [...readEvtxChunks(bytes, header, { maxDepth: 64 })];
    expect(steps.map((s) => [s.chunk, s.records.length, s.damaged, s.bytesDone])).toEqual([
      [0, 1, 0, 4096 + 0x10000],
      [1, 1, 0, 4096 + 2 * 0x10000],
      [2, 0, 0, 4096 + 3 * 0x10000],
    ]);
  });

  it('reads nested BinXML written as bare elements (no dependency ids inside a value)', () => {
    const { records } = read(buildEvtx([[{ ...capi2PolicyUntrustedRoot, nestedElements: true }]]));
    expect(records[0]?.data?.children[0]?.name).toBe('CertVerifyCertificateChainPolicy');
  });

  it('stops at maxRecords and says so', () => {
    const r = readEvtxFile(fixture('capi2-and-exchange.evtx'), { maxDepth: 64, maxRecords: 2 });
    expect(r.ok && r.value.records.length).toBe(2);
    expect(r.ok && r.value.warnings).toContainEqual({ code: 'eventlog.tooManyRecords', params: { limit: 2 } });
  });

  it('counts records nested deeper than the limit as damaged and keeps the shallow ones', () => {
    const r = readEvtxFile(fixture('capi2-and-exchange.evtx'), { maxDepth: 4, maxRecords: 100 });
    expect(r.ok && r.value.records.map((x) => x.eventId)).toEqual([12014]);
    expect(r.ok && r.value.damaged).toBe(3);
  });
});

describe('evtxReader', () => {
  it('sniffs the ElfFile magic above a mere .evtx name', () => {
    expect(evtxReader.sniff({ name: 'x.bin', bytes: fixture('capi2-and-exchange.evtx') })).toBe(3);
    expect(evtxReader.sniff({ name: 'x.evtx', bytes: new Uint8Array(10) })).toBe(1);
    expect(evtxReader.sniff({ name: 'x.txt', bytes: new TextEncoder().encode('hello') })).toBe(0);
  });

  it('returns input.damaged for a .evtx name over random bytes and never throws', async () => {
    const r = await evtxReader.read({ name: 'x.evtx', bytes: new Uint8Array(5000).fill(7) }, { limits: DEFAULT_LIMITS });
    expect(r).toEqual({ ok: false, error: { code: 'input.damaged' } });
  });

  it('keeps the events of providers it reads and only counts the others', async () => {
    const logon = { ...exchange12014, provider: 'Microsoft-Windows-Security-Auditing', eventId: 4624, recordId: 9000, channel: 'Security' };
    const bytes = buildEvtx([[capi2PolicyUntrustedRoot, logon, exchange12014]]);
    const r = await evtxReader.read({ name: 'mixed.evtx', bytes }, { limits: DEFAULT_LIMITS });
    const ev = r.ok ? r.value.evidence[0] : undefined;
    expect(r.ok && r.value.items).toBe(3);
    expect(ev?.kind === 'events' && { ids: ev.records.map((x) => x.eventId), other: ev.otherRecords }).toEqual({ ids: [30, 12014], other: 1 });
  });

  it('returns events evidence with items and damaged counts', async () => {
    const r = await evtxReader.read({ name: 'capi2.evtx', bytes: fixture('chunk0-header-checksum-flipped.evtx') }, { limits: DEFAULT_LIMITS });
    expect(r.ok && { items: r.value.items, damaged: r.value.damaged, kind: r.value.evidence[0]?.kind, source: r.value.evidence[0]?.kind === 'events' && r.value.evidence[0].source }).toEqual({
      items: 1,
      damaged: 1,
      kind: 'events',
      source: 'capi2.evtx',
    });
  });
});
