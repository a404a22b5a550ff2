import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../shared/engine/read-inputs';
import type { Reader } from '../../../shared/model/reader';
import { eventXmlReader } from '../../../shared/eventlog/readers';
import { DEFAULT_LIMITS } from '../../../shared/model/input';
import { settingsReader } from '../../../shared/settings/reader';
import { strToU8, zipSync } from 'fflate';

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const PS_NS = 'http://schemas.microsoft.com/powershell/2004/04';

const BILLION_LAUGHS_DTD = [
  '<!DOCTYPE r [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');
const EXTERNAL_DTD = '<!DOCTYPE r [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>';
const PARAMETER_DTD = '<!DOCTYPE r [ <!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; ]>';
const EXTERNAL_SUBSET = '<!DOCTYPE r SYSTEM "file:///etc/passwd">';

const event = (dtd: string, entity: string) =>
  `<?xml version="1.0"?>\n${dtd}\n<Events><Event xmlns="${EVENT_NS}"><System><Provider Name="Microsoft-Windows-CAPI2" /><EventID>30</EventID><Computer>${entity}</Computer></System></Event></Events>`;
const clixml = (dtd: string, entity: string) =>
  `<?xml version="1.0"?>\n${dtd}\n<Objs Version="1.1.0.1" xmlns="${PS_NS}"><Obj RefId="0"><TN RefId="0"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector</T></TN><Props><S N="TlsSenderCertificateName">${entity}</S><S N="ConnectorType">OnPremises</S></Props></Obj></Objs>`;

const CASES: ReadonlyArray<[string, string, string]> = [
  ['billion laughs', BILLION_LAUGHS_DTD, '&lol9;'],
  ['an external entity pointing at /etc/passwd', EXTERNAL_DTD, '&xxe;'],
  ['a parameter entity pointing at /etc/passwd', PARAMETER_DTD, 'x'],
  ['an external DTD subset', EXTERNAL_SUBSET, 'x'],
];

const READERS: ReadonlyArray<[Reader, (dtd: string, entity: string) => string, string]> = [
  [eventXmlReader, event, 'events.xml'],
  [settingsReader, clixml, 'connectors.clixml.xml'],
];

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('XML with a DTD or entity declarations is refused by every XML-reading reader', () => {
  for (const [reader, make, name] of READERS) {
    for (const [what, dtd, entity] of CASES) {
      it(`${reader.id} refuses ${what} as input.unsafeXml, in UTF-8 and UTF-16`, async () => {
        for (const bytes of [new TextEncoder().encode(make(dtd, entity)), utf16le(make(dtd, entity))]) {
          const r = await reader.read({ name, bytes }, { limits: DEFAULT_LIMITS });
          expect(r.ok ? 'ok' : r.error.code).toBe('input.unsafeXml');
        }
      });
    }
  }

  it('refuses them through the engine too, loose and inside a zip, and never shows /etc/passwd', async () => {
    const files = { 'evidence/events.xml': strToU8(event(EXTERNAL_DTD, '&xxe;')), 'evidence/connectors.xml': strToU8(clixml(BILLION_LAUGHS_DTD, '&lol9;')) };
    const inputs = [
      { name: 'events.xml', bytes: files['evidence/events.xml'] },
      { name: 'connectors.xml', bytes: files['evidence/connectors.xml'] },
      { name: 'evidence.zip', bytes: zipSync(files) },
    ];
    const r = await readInputs(inputs, { limits: DEFAULT_LIMITS });
    const xml = r.outcomes.filter((o) => o.file.endsWith('.xml'));
    expect(xml).toHaveLength(4);
    for (const o of xml) expect(o.error?.code, o.file).toBe('input.unsafeXml');
    expect(JSON.stringify(r)).not.toMatch(/root:x:0:0|lollollol/);
  });
});
