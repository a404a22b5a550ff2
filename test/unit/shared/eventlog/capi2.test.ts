import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readEvtxFile } from '../../../../shared/eventlog/evtx/read-evtx-file';
import { readCapi2Event, type Capi2Event } from '../../../../shared/eventlog/capi2/capi2-event';
import { groupByTask, indexChains } from '../../../../shared/eventlog/capi2/correlate';
import { decodeHresult } from '../../../../shared/eventlog/capi2/hresult';
import { decodeTrustStatus } from '../../../../shared/eventlog/capi2/trust-status';
import { CHAIN_REF, LEAF_THUMBPRINT, TASK_ID } from '../../../fixtures/evtx/events';

function capi2Events(): Capi2Event[] {
  const r = readEvtxFile(new Uint8Array(readFileSync(new URL('../../../fixtures/evtx/capi2-and-exchange.evtx', import.meta.url))), { maxDepth: 64, maxRecords: 100 });
  return r.ok ? r.value.records.map(readCapi2Event).filter((e): e is Capi2Event => e !== null) : [];
}

describe('decodeTrustStatus', () => {
  it('names every CERT_TRUST_* bit of the error and info words from the hex value', () => {
    expect(decodeTrustStatus('10020', '109')).toEqual({
      error: 0x10020,
      info: 0x109,
      errorFlags: ['CERT_TRUST_IS_UNTRUSTED_ROOT', 'CERT_TRUST_IS_PARTIAL_CHAIN'],
      infoFlags: ['CERT_TRUST_HAS_EXACT_MATCH_ISSUER', 'CERT_TRUST_IS_SELF_SIGNED', 'CERT_TRUST_HAS_PREFERRED_ISSUER'],
    });
    expect(decodeTrustStatus('0x1000041', undefined).errorFlags).toEqual(['CERT_TRUST_IS_NOT_TIME_VALID', 'CERT_TRUST_REVOCATION_STATUS_UNKNOWN', 'CERT_TRUST_IS_OFFLINE_REVOCATION']);
    expect(decodeTrustStatus('junk', '').error).toBe(0);
  });
});

describe('decodeHresult', () => {
  it('reads CAPI2 hex, 0x-prefixed and signed decimal forms of the same code', () => {
    expect(decodeHresult('800B0109')).toEqual({ hex: '800B0109', symbol: 'CERT_E_UNTRUSTEDROOT' });
    expect(decodeHresult('0x800b010a')).toEqual({ hex: '800B010A', symbol: 'CERT_E_CHAINING' });
    expect(decodeHresult('-2146885613')).toEqual({ hex: '80092013', symbol: 'CRYPT_E_REVOCATION_OFFLINE' });
    expect(decodeHresult('0')).toEqual({ hex: '00000000', symbol: 'S_OK' });
    expect(decodeHresult('80012345')).toEqual({ hex: '80012345' });
    expect(decodeHresult('not a number')).toBeNull();
    for (const code of ['800B0101', '80092012', '800B010F', '800B0110']) expect(decodeHresult(code)?.symbol).toMatch(/^(CERT|CRYPT)_E_/);
  });
});

describe('readCapi2Event', () => {
  it('reads the chain of event 11 with per-element trust flags and its Result', () => {
    const [e11] = capi2Events();
    expect(e11).toMatchObject({ eventId: 11, kind: 'buildChain', processName: 'lsass.exe', taskId: TASK_ID, seqNumber: 1, result: { hex: '800B010A', symbol: 'CERT_E_CHAINING' } });
    expect(e11?.certificate).toEqual({ fileRef: `${LEAF_THUMBPRINT}.cer`, subjectName: 'mail.contoso.com', thumbprint: LEAF_THUMBPRINT });
    expect(e11?.chains[0]?.chainRef).toBe(CHAIN_REF);
    expect(e11?.chains[0]?.trust.errorFlags).toEqual(['CERT_TRUST_IS_PARTIAL_CHAIN']);
    expect(e11?.chains[0]?.elements[0]?.trust.infoFlags).toEqual(['CERT_TRUST_HAS_KEY_MATCH_ISSUER']);
  });

  it('reads the policy verdict of event 30 and keeps other providers out', () => {
    const e30 = capi2Events()[1];
    expect(e30).toMatchObject({ kind: 'verifyChainPolicy', policy: 'CERT_CHAIN_POLICY_SSL', chainRef: CHAIN_REF, result: { hex: '800B0109' }, chains: [] });
    expect(readCapi2Event({ recordId: 1, eventId: 12014, provider: 'MSExchangeTransport', channel: '', level: 2, timeCreated: '', computer: '', system: {}, data: null })).toBeNull();
  });

  it('keeps unknown CAPI2 event ids as "other"', () => {
    const e = readCapi2Event({ recordId: 1, eventId: 10, provider: 'Microsoft-Windows-CAPI2', channel: '', level: 4, timeCreated: '', computer: '', system: {}, data: null });
    expect(e?.kind).toBe('other');
  });
});

describe('groupByTask and indexChains', () => {
  it('puts the chain build and the policy verdict of one handshake in one task, linked by chainRef', () => {
    const events = capi2Events();
    const tasks = groupByTask(events);
    expect(tasks.find((t) => t.taskId === TASK_ID)?.events.map((e) => e.eventId)).toEqual([11, 30]);
    const policy = events.find((e) => e.eventId === 30)!;
    expect(indexChains(events).get(policy.chainRef!.toUpperCase())?.event.eventId).toBe(11);
  });
});
