import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../shared/engine/read-inputs';
import { evtxReader, eventXmlReader } from '../../../shared/eventlog/readers';
import { DEFAULT_LIMITS, type Limits } from '../../../shared/model/input';
import { settingsReader } from '../../../shared/settings/reader';
import { exchangeProtocolLogReader, iisSmtpLogReader } from '../../../shared/smtp/readers';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const limits = (change: Partial<Limits>): { limits: Limits } => ({ limits: { ...DEFAULT_LIMITS, ...change } });
const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** Event XML whose EventData nests `depth` elements. */
function deepEvent(depth: number): Uint8Array {
  const open = '<D>'.repeat(depth);
  const close = '</D>'.repeat(depth);
  return new TextEncoder().encode(`<Events><Event xmlns="${EVENT_NS}"><System><EventID>30</EventID></System><EventData>${open}x${close}</EventData></Event></Events>`);
}

function deepClixml(depth: number): Uint8Array {
  const open = '<Obj><MS>'.repeat(depth);
  const close = '</MS></Obj>'.repeat(depth);
  return new TextEncoder().encode(`<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj RefId="0"><Props><S N="Thumbprint">AB</S>${open}${close}</Props></Obj></Objs>`);
}

describe('limits (issue 12): each one produces its own clear result', () => {
  it('maxFileBytes: readInputs refuses a larger input as input.tooLarge naming the limit, before any reader', async () => {
    const bytes = fixture('certs/chain-complete.pem');
    const r = await readInputs([{ name: 'chain.pem', bytes }], limits({ maxFileBytes: bytes.length - 1 }));
    expect(r.outcomes[0]?.error).toEqual({ code: 'input.tooLarge', params: { what: 'bytes', limitBytes: bytes.length - 1 } });
    const fits = await readInputs([{ name: 'chain.pem', bytes }], limits({ maxFileBytes: bytes.length }));
    expect(fits.outcomes[0]?.status).toBe('ok');
  });

  it('maxFileBytes applies to each file inside a zip as well: the archive is refused before inflating', async () => {
    const big = fixture('certs/chain-complete.pem');
    const zip = zipSync({ 'a/chain.pem': big });
    const r = await readInputs([{ name: 'e.zip', bytes: zip }], limits({ maxFileBytes: big.length - 1 }));
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]?.error).toEqual({ code: 'input.tooLarge', params: { what: 'bytes', limitBytes: big.length - 1 } });
  });

  it('maxXmlDepth: event XML nested deeper is input.tooDeep naming the limit; at the limit it is read', async () => {
    const deep = await eventXmlReader.read({ name: 'e.xml', bytes: deepEvent(40) }, limits({ maxXmlDepth: 20 }));
    expect(deep.ok ? 'ok' : deep.error).toEqual({ code: 'input.tooDeep', params: { limit: 20 } });
    const fine = await eventXmlReader.read({ name: 'e.xml', bytes: deepEvent(10) }, limits({ maxXmlDepth: 20 }));
    expect(fine.ok).toBe(true);
  });

  it('maxXmlDepth: CLIXML nested deeper is input.tooDeep naming the limit', async () => {
    const r = await settingsReader.read({ name: 'c.xml', bytes: deepClixml(30) }, limits({ maxXmlDepth: 16 }));
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'input.tooDeep', params: { limit: 16 } });
  });

  it('maxXmlDepth: 100,000 levels under the default limit are refused quickly, not overflowing the stack', async () => {
    const r = await eventXmlReader.read({ name: 'e.xml', bytes: deepEvent(100_000) }, limits({}));
    expect(r.ok ? 'ok' : r.error.code).toBe('input.tooDeep');
  });

  it('maxRecords: an .evtx stops at the limit and says so in a warning naming it', async () => {
    const bytes = fixture('evtx/capi2-and-exchange.evtx');
    const all = await evtxReader.read({ name: 'a.evtx', bytes }, limits({}));
    expect(all.ok && all.value.items).toBeGreaterThan(2);
    const r = await evtxReader.read({ name: 'a.evtx', bytes }, limits({ maxRecords: 2 }));
    expect(r.ok && r.value.items).toBe(2);
    expect(r.ok && r.value.warnings).toContainEqual({ code: 'eventlog.tooManyRecords', params: { limit: 2 } });
  });

  it('maxRecords: an Exchange protocol log with more sessions is input.tooLarge naming the limit', async () => {
    const bytes = fixture('smtp/exchange-send-family-codes.log');
    const all = await exchangeProtocolLogReader.read({ name: 's.log', bytes }, limits({}));
    const sessions = all.ok ? all.value.items : 0;
    expect(sessions).toBeGreaterThan(1);
    const r = await exchangeProtocolLogReader.read({ name: 's.log', bytes }, limits({ maxRecords: sessions - 1 }));
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'input.tooLarge', params: { what: 'sessions', limit: sessions - 1 } });
  });

  it('maxRecords: an IIS SMTP log with more sessions is input.tooLarge naming the limit', async () => {
    const bytes = fixture('smtp/iis-smtpsvc-ex240514.log');
    const all = await iisSmtpLogReader.read({ name: 'ex.log', bytes }, limits({}));
    const sessions = all.ok ? all.value.items : 0;
    expect(sessions).toBeGreaterThan(0);
    const r = await iisSmtpLogReader.read({ name: 'ex.log', bytes }, limits({ maxRecords: sessions - 1 }));
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'input.tooLarge', params: { what: 'sessions', limit: sessions - 1 } });
  });

  it('maxNestingDepth: .evtx BinXML nested deeper than the limit is skipped as damaged, never followed', async () => {
    const bytes = fixture('evtx/capi2-and-exchange.evtx');
    const r = await evtxReader.read({ name: 'a.evtx', bytes }, limits({ maxNestingDepth: 2 }));
    if (r.ok) {
      expect(r.value.items).toBe(0);
      expect(r.value.damaged).toBeGreaterThan(0);
    } else expect(r.error.code).toBe('input.damaged');
  });

  it('maxNestingDepth: zips nested deeper than the limit are input.tooDeep naming it', async () => {
    let zip = zipSync({ 'leaf.txt': new TextEncoder().encode('x') });
    for (let i = 0; i < 4; i++) zip = zipSync({ 'inner.zip': zip });
    const r = await readInputs([{ name: 'outer.zip', bytes: zip }], limits({ maxNestingDepth: 3 }));
    expect(r.outcomes.map((o) => o.error).filter(Boolean)).toEqual([{ code: 'input.tooDeep', params: { limit: 3 } }]);
  });

  it('maxZipEntries and maxZipBytes: refused as input.tooLarge naming the limit', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, new Uint8Array(1000)]));
    const zip = zipSync(files);
    const entries = await readInputs([{ name: 'e.zip', bytes: zip }], limits({ maxZipEntries: 4 }));
    expect(entries.outcomes[0]?.error).toEqual({ code: 'input.tooLarge', params: { what: 'entries', limit: 4 } });
    const bytes = await readInputs([{ name: 'e.zip', bytes: zip }], limits({ maxZipBytes: 4999 }));
    expect(bytes.outcomes[0]?.error).toEqual({ code: 'input.tooLarge', params: { what: 'bytes', limitBytes: 4999 } });
  });
});
