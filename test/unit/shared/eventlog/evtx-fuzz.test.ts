import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { readEvtxFile } from '../../../../shared/eventlog/evtx/read-evtx-file';

const clean = new Uint8Array(readFileSync(new URL('../../../fixtures/evtx/capi2-and-exchange.evtx', import.meta.url)));
/** Where the bytes that matter are: the file header, chunk 0's header and its records. */
const HOT = 4096 + 512 + 6000;

describe('readEvtxFile on damaged input', () => {
  it('never throws, whatever bytes are changed, and never returns more records than the clean file', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(HOT - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), (edits) => {
        const bytes = clean.slice();
        for (const [at, v] of edits) bytes[at] = v;
        const r = readEvtxFile(bytes, { maxDepth: 64, maxRecords: 1000 });
        if (r.ok) expect(r.value.records.length).toBeLessThanOrEqual(4);
        else expect(r.error.code).toBe('input.damaged');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws when damaged records reach the BinXML parser (chunk flagged as written without checksums)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4096 + 512, max: HOT }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = clean.slice();
        for (const [at, v] of edits) bytes[at] = v;
        // Chunk 0 is flagged NO_CRC32 so the damaged BinXML reaches the parser instead of a checksum check.
        bytes[4096 + 120] = 0x04;
        expect(() => readEvtxFile(bytes, { maxDepth: 64, maxRecords: 1000 })).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});

describe('records not built (keepProvider) on damaged input', () => {
  // Only the Exchange event is kept: the three CAPI2 records take the path that checks but does not build.
  const exchangeOnly = (provider: string) => provider.startsWith('MSExchange');
  it('counts, keeps and reports exactly what building every record and dropping the others gives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4096 + 512, max: HOT }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = clean.slice();
        for (const [at, v] of edits) bytes[at] = v;
        bytes[4096 + 120] = 0x04; // no checksums: the damage reaches the BinXML parser
        const built = readEvtxFile(bytes, { maxDepth: 64, maxRecords: 1000, keep: (r) => exchangeOnly(r.provider) });
        const skipped = readEvtxFile(bytes, { maxDepth: 64, maxRecords: 1000, keepProvider: exchangeOnly, keep: (r) => exchangeOnly(r.provider) });
        expect(skipped).toEqual(built);
      }),
      { numRuns: 400 },
    );
  });
});
