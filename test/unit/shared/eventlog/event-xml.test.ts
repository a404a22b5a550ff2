import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventXmlReader } from '../../../../shared/eventlog/readers';
import { parseEventXml } from '../../../../shared/eventlog/xml/parse-event-xml';
import { renderEventXml } from '../../../../shared/eventlog/render-xml';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';

const file = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/evtx/xml/${name}`, import.meta.url)));
const text = (name: string) => new TextDecoder().decode(file(name));
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
  return out;
};
const read = (name: string, bytes: Uint8Array) => eventXmlReader.read({ name, bytes }, { limits: DEFAULT_LIMITS });

describe('eventXmlReader', () => {
  it('reads a single <Event> as Event Viewer copies it', async () => {
    const r = await read('e.xml', file('capi2-event30-untrusted-root.xml'));
    expect(r.ok && r.value.items).toBe(1);
    const ev = r.ok ? r.value.evidence[0] : undefined;
    expect(ev?.kind === 'events' && ev.records[0]).toMatchObject({ recordId: 42, eventId: 30, level: 2, computer: 'SMTP1.contoso.com' });
  });

  it('wraps a wevtutil qe /f:xml run of events that has no root element', async () => {
    const r = await read('run.xml', file('wevtutil-qe-capi2-run.xml'));
    expect(r.ok && r.value.items).toBe(2);
  });

  it('reads the same run saved as UTF-16LE by PowerShell 5 redirection', async () => {
    const bytes = utf16le(text('wevtutil-qe-capi2-run.xml'));
    expect(eventXmlReader.sniff({ name: 'capi2.txt', bytes })).toBe(3);
    const r = await read('capi2.txt', bytes);
    expect(r.ok && r.value.items).toBe(2);
  });

  it('reads a saved <Events> file with an XML declaration and keeps the rendered message', async () => {
    const r = await read('saved.xml', file('exchange-saved-events.xml'));
    const records = r.ok && r.value.evidence[0]?.kind === 'events' ? r.value.evidence[0].records : [];
    expect(records.map((x) => [x.eventId, x.provider])).toEqual([
      [12014, 'MSExchangeFrontEndTransport'],
      [12018, 'MSExchangeTransport'],
      [12016, 'MSExchangeTransport'],
    ]);
    expect(records[0]?.message).toMatch(/^Microsoft Exchange could not find a certificate/);
    expect(records[0]?.system['EventID@Qualifiers']).toBe('49156');
  });

  it('refuses a DTD with entity declarations as input.unsafeXml without expanding it', async () => {
    expect(await read('lol.xml', file('dtd-entity-expansion.xml'))).toEqual({ ok: false, error: { code: 'input.unsafeXml' } });
    expect(parseEventXml('<!ENTITY x "y"><Event/>', 256)).toEqual({ ok: false, error: { code: 'input.unsafeXml' } });
  });

  it('leaves undeclared entity references as text and resolves the predefined ones', () => {
    const r = parseEventXml(text('capi2-event30-untrusted-root.xml').replace('SMTP1.contoso.com', 'a&amp;b&#x41;&foo;'), 256);
    expect(r.ok && r.value.records[0]?.computer).toBe('a&bA&foo;');
  });

  it('refuses nesting deeper than maxXmlDepth as input.tooDeep', () => {
    const deep = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">${'<a>'.repeat(300)}${'</a>'.repeat(300)}</Event>`;
    expect(parseEventXml(deep, 256)).toEqual({ ok: false, error: { code: 'input.tooDeep', params: { limit: 256 } } });
  });

  it('reports broken XML as input.damaged', async () => {
    const broken = text('capi2-event30-untrusted-root.xml').replace('</System>', '');
    expect(await read('b.xml', new TextEncoder().encode(broken))).toEqual({ ok: false, error: { code: 'input.damaged' } });
  });

  it('reports an unclosed attribute quote and a mismatched end tag as input.damaged', () => {
    const xml = text('capi2-event30-untrusted-root.xml');
    expect(parseEventXml(xml.replace('SystemTime="2026', 'SystemTime=2026'), 256)).toEqual({ ok: false, error: { code: 'input.damaged' } });
    expect(parseEventXml(xml.replace('</Computer>', '</Channel>'), 256)).toEqual({ ok: false, error: { code: 'input.damaged' } });
  });

  it('does not claim XML that is not in the event namespace', () => {
    expect(eventXmlReader.sniff({ name: 'c.xml', bytes: new TextEncoder().encode('<Objs Version="1.1.0.1"><Obj/></Objs>') })).toBe(0);
  });
});

describe('renderEventXml', () => {
  it('renders a record that parses back to the same record', () => {
    const first = parseEventXml(text('capi2-event30-untrusted-root.xml'), 256);
    const record = first.ok ? first.value.records[0]! : null;
    const xml = renderEventXml(record!);
    expect(xml).toContain('<Provider Name="Microsoft-Windows-CAPI2" Guid="{5bbca4a8-b209-48dc-a8c7-b23d3e5216fb}" />');
    expect(xml).toContain('<Result value="800B0109">A certificate chain processed');
    const again = parseEventXml(xml, 256);
    expect(again.ok && again.value.records[0]).toEqual(record);
  });
});
