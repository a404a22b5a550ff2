import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, collectSeeds, makeCase, READERS } from '../../fuzz/harness';

/**
 * The short slice of `npm run fuzz` that runs with every `npm test`: 200 cases per reader, each a mutated real
 * file or a generated input, through reader.read() called directly (readInputs would turn a throw into
 * input.damaged and hide it). fast-check picks the case indices, so a failure names a case that
 * `npm run fuzz -- --seed 12 --readers <id>` rebuilds (then cut to 256 KiB).
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SEED = 12;
const CASES = 200;
const BOUND_MS = 2000;
/** The full run goes up to 4 MiB per case; the slice cuts cases here to stay within seconds. */
const SLICE_MAX_BYTES = 256 * 1024;
const seeds = collectSeeds(READERS, REPO);

describe('every reader answers mutated and generated input with a Result', () => {
  it('has seeds for every reader from real files', () => {
    for (const reader of READERS) expect(seeds.get(reader.id)?.length, reader.id).toBeGreaterThan(0);
  });

  for (const reader of READERS) {
    it(`${reader.id}: a value or an input.* error within ${BOUND_MS} ms, never a throw`, async () => {
      const own = seeds.get(reader.id) ?? [];
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 10_000_000 }), async (index) => {
          const made = makeCase(reader.id, own, SEED, index);
          const c = made.bytes.length > SLICE_MAX_BYTES ? { ...made, bytes: made.bytes.slice(0, SLICE_MAX_BYTES) } : made;
          let failure = await checkCase(reader, c, BOUND_MS);
          if (failure?.kind === 'slow') failure = await checkCase(reader, c, BOUND_MS); // shared machine
          expect(failure, `case ${index} (${c.recipe})`).toBeNull();
        }),
        { numRuns: CASES, seed: SEED, endOnFailure: true },
      );
    }, 60_000);
  }
});

describe('inputs the fuzzer once broke a reader with (test/fuzz/fixed)', () => {
  const dir = fileURLToPath(new URL('../../fuzz/fixed/', import.meta.url));
  const crashers = readdirSync(dir).filter((f) => f.endsWith('.bin'));
  it.each(crashers)('%s now gets a Result in time', async (file) => {
    const id = file.replace(/-[0-9a-f]{12}\.bin$/, '');
    const reader = READERS.find((r) => r.id === id);
    expect(reader, `reader ${id}`).toBeDefined();
    if (!reader) return;
    const failure = await checkCase(reader, { name: file, bytes: new Uint8Array(readFileSync(dir + file)), recipe: 'crasher' }, BOUND_MS);
    expect(failure).toBeNull();
  });
});
