import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { eventXmlReader } from '../../shared/eventlog/readers';
import { scanTags } from '../../shared/eventlog/xml/decode-text';

// scanTags used one regex retried at every `<`: when a comment or tag was never closed, each retry rescanned
// to the end of the text (and the tag alternative backtracked within that), so a fuzzed 93 KB export took 9 s
// (fuzzer, seed 1, case 40800: a truncated CAPI2 export with a block repeated). It now scans with indexOf.
const EVENT = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>11</EventID></System></Event>';

// Speed is not asserted (house rule: timings belong to bench/ and the fuzz replay); a quadratic scan would
// run into the test timeout.
async function read(text: string) {
  return eventXmlReader.read({ name: 'capi2.xml', bytes: new TextEncoder().encode(text) }, { limits: DEFAULT_LIMITS });
}

describe('Event XML reader on a comment or tag that is never closed', () => {
  it('refuses 20,000 unclosed tags after the last `>` as damaged', async () => {
    const r = await read(`<Events>${EVENT}${'<Data Name="x'.repeat(20_000)}`);
    expect(r.ok ? 'read' : r.error.code).toBe('input.damaged');
  });

  it('reports 20,000 comments that are never closed as damaged', async () => {
    const r = await read(`<Events>${EVENT}${'<!-- note >'.repeat(20_000)}</Events>`);
    expect(r.ok ? 'read' : r.error.code).toBe('input.damaged');
  });

  it('still skips comments, CDATA and declarations and balances tags on valid XML', () => {
    expect(scanTags(`<?xml version="1.0"?><Events><!-- <a> --><![CDATA[<b>]]>${EVENT}<x/></Events>`)).toEqual({ maxDepth: 4, balanced: true });
    expect(scanTags('<a><b></a></b>')).toEqual({ maxDepth: 2, balanced: false });
  });

  it('treats an unclosed comment as a declaration up to the next `>`, as before', () => {
    expect(scanTags('<a><!-- x > <b></a>')).toEqual({ maxDepth: 2, balanced: false });
    expect(scanTags('<a><!-- x > </a>')).toEqual({ maxDepth: 1, balanced: true });
  });
});
