import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadAllResult } from '../../../../shared/engine/read-inputs';
import { parallelReadAll, serveRead, type ReadThread, type ReadThreads } from '../../../../shared/engine/parallel-read';
import { DEFAULT_LIMITS, isDeferred, type AnyInput, type DeferredInput } from '../../../../shared/model/input';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/certs/', import.meta.url));
/** The password of every protected fixture (test/fixtures/certs/README.md). */
const RIGHT = 'Relay-Doctor-1';

function deferred(name: string, password?: string): DeferredInput {
  const body = new Uint8Array(readFileSync(FIXTURES + name));
  return { name, size: body.length, load: async () => body, ...(password !== undefined ? { password } : {}) };
}

/** Each input's file, status and error code, and how many certificates were read from it. */
function summary(read: ReadAllResult): Array<[string, string, string | undefined, number]> {
  return read.outcomes.map((o) => [o.file, o.status, o.error?.code, o.items]);
}

/**
 * Reader threads on this thread that get only what crosses to a real one (renderer/src/lib/blob-threads.ts
 * posts `{ id, name, blob, options }`): the input is rebuilt from its name and bytes, so a password reaches
 * the thread only through the options the scheduler sends with that input.
 */
function crossingThreads(seen: Array<{ name: string; password: string | undefined }>): ReadThreads<DeferredInput> {
  return {
    accepts: (input): input is DeferredInput => isDeferred(input),
    spawn: (): ReadThread<DeferredInput> => ({
      read: async (input, options, onFraction) => {
        const crossed = structuredClone({ name: input.name, bytes: await input.load(), options });
        seen.push({ name: crossed.name, password: crossed.options.password });
        const there: DeferredInput = { name: crossed.name, size: crossed.bytes.length, load: async () => crossed.bytes };
        let answer: ReadAllResult | undefined;
        await serveRead(1, there, crossed.options, (reply) => (reply.type === 'done' ? (answer = reply.read) : onFraction(reply.fraction)));
        return answer as ReadAllResult;
      },
      close: () => undefined,
    }),
  };
}

describe('a password for one input', () => {
  it('opens that PFX in place of the analysis-wide password, and only that one', async () => {
    const inputs: AnyInput[] = [
      deferred('leaf-aes.pfx', RIGHT),
      deferred('leaf-3des.p12'),
      deferred('leaf-legacy-rc2.pfx', 'not-it'),
    ];
    const read = await readInputs(inputs, { limits: DEFAULT_LIMITS, password: 'global-and-wrong' });
    expect(summary(read)).toEqual([
      ['leaf-aes.pfx', 'ok', undefined, 2],
      // No password of its own: the analysis-wide one is tried (the CLI's --password), and it is wrong.
      ['leaf-3des.p12', 'rejected', 'input.passwordWrong', 0],
      // Its own wrong password wins over a right analysis-wide one below; here both are wrong.
      ['leaf-legacy-rc2.pfx', 'rejected', 'input.passwordWrong', 0],
    ]);
    const certificates = read.evidence.flatMap((e) => (e.kind === 'certificates' ? [e.source] : []));
    expect(certificates).toEqual(['leaf-aes.pfx']);
  });

  it('is preferred to a right analysis-wide password, for loaded bytes as for deferred files', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURES + 'leaf-aes.pfx'));
    const read = await readInputs(
      [{ name: 'in-hand.pfx', bytes, password: 'typo' }, { name: 'in-hand-2.pfx', bytes }, deferred('leaf-3des.p12', 'typo')],
      { limits: DEFAULT_LIMITS, password: RIGHT },
    );
    expect(summary(read)).toEqual([
      ['in-hand.pfx', 'rejected', 'input.passwordWrong', 0],
      ['in-hand-2.pfx', 'ok', undefined, 2],
      ['leaf-3des.p12', 'rejected', 'input.passwordWrong', 0],
    ]);
  });

  it('without any password, a protected PFX asks for one', async () => {
    const read = await readInputs([deferred('leaf-aes.pfx')], { limits: DEFAULT_LIMITS });
    expect(summary(read)).toEqual([['leaf-aes.pfx', 'rejected', 'input.passwordRequired', 0]]);
  });

  it('reaches the reader thread that reads that file, and no other', async () => {
    const inputs = (): AnyInput[] => [
      deferred('leaf-aes.pfx', RIGHT),
      deferred('leaf-3des.p12'),
      deferred('leaf-legacy-rc2.pfx', 'not-it'),
      deferred('leaf-only.cer'),
    ];
    const options = { limits: DEFAULT_LIMITS, password: 'global-and-wrong' };
    const seen: Array<{ name: string; password: string | undefined }> = [];
    const threaded = await parallelReadAll(crossingThreads(seen), 2)(inputs(), options);
    const here = await readInputs(inputs(), options);
    expect(summary(threaded)).toEqual(summary(here));
    expect(summary(threaded).map(([file, status]) => [file, status])).toEqual([
      ['leaf-aes.pfx', 'ok'],
      ['leaf-3des.p12', 'rejected'],
      ['leaf-legacy-rc2.pfx', 'rejected'],
      ['leaf-only.cer', 'ok'],
    ]);
    expect(seen.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'leaf-3des.p12', password: 'global-and-wrong' },
      { name: 'leaf-aes.pfx', password: RIGHT },
      { name: 'leaf-legacy-rc2.pfx', password: 'not-it' },
      { name: 'leaf-only.cer', password: 'global-and-wrong' },
    ]);
  });
});
