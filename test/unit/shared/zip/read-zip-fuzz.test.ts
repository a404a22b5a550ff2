import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readZip } from '../../../../shared/zip/read-zip';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';

const VALID = zipSync({ 'a.txt': strToU8('hello '.repeat(50)), 'dir\\b.log': strToU8('x'), 'c.bin': new Uint8Array(300) });

describe('readZip on hostile bytes', () => {
  it('returns a result, never throws, for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const r = readZip(bytes, DEFAULT_LIMITS);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('returns a result, never throws, for a valid archive with bytes flipped anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = VALID.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const r = readZip(bytes, DEFAULT_LIMITS);
        if (r.ok) for (const f of r.value.files) expect(f.name).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|^[A-Za-z]:/);
      }),
      { numRuns: 500 },
    );
  });
});
