import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../../shared/engine/read-inputs';
import { parallelReadAll, serveRead, type ReadThread, type ReadThreads, type ThreadResult } from '../../../../shared/engine/parallel-read';
import { sharePlan, SHARE_ABOVE_BYTES } from '../../../../shared/engine/read-shares';
import { DEFAULT_LIMITS, isDeferred, type DeferredInput } from '../../../../shared/model/input';
import { buildEvtx } from '../../../fixtures/evtx/build-evtx';
import { CAPI2_EVENTS, exchange12014 } from '../../../fixtures/evtx/events';
import { CHUNK0_HEADER_CRC } from '../../../fixtures/evtx/fixture-files';

const CHUNK = 0x10000;
const OPTIONS = { limits: { ...DEFAULT_LIMITS, streamAboveBytes: 0 } };

/** An event of a provider Relay Doctor does not read (counted, not kept). */
const kernel = { ...exchange12014, provider: 'Microsoft-Windows-Kernel-General', recordId: 1 };

/**
 * A log of `chunks` chunks, chunk 1's header broken, as a file read in 64 KB pieces: a System-like first chunk
 * (`first`), then CAPI2 and Exchange events.
 */
function log(chunks: number, name = 'System.evtx', first = [kernel]): DeferredInput {
  const bytes = buildEvtx(
    Array.from({ length: chunks }, (_, i) => (i === 0 ? first : i % 3 === 2 ? [{ ...exchange12014, recordId: 9000 + i }] : CAPI2_EVENTS.map((e, k) => ({ ...e, recordId: 100 * i + k })))),
  );
  bytes[CHUNK0_HEADER_CRC + CHUNK] = (bytes[CHUNK0_HEADER_CRC + CHUNK] as number) ^ 0xff;
  return {
    name,
    size: bytes.length,
    load: async () => bytes,
    pieces: (visit) => {
      for (let at = 0; at < bytes.length; at += CHUNK) if (visit(bytes.subarray(at, at + CHUNK)) === false) return;
    },
  };
}

/** Threads on this thread, answering through serveRead (the reader threads' own code) by structured clone; `dies` says which requests kill theirs. */
function localThreads(log: string[], dies: (options: { share?: { index: number } }) => boolean = () => false): ReadThreads<DeferredInput> {
  return {
    accepts: (input): input is DeferredInput => isDeferred(input),
    spawn: (): ReadThread<DeferredInput> => ({
      read: async (input, options, onFraction) => {
        log.push(options.share ? `share ${options.share.index}/${options.share.count}` : `whole ${input.name}`);
        if (dies(options)) return 'died';
        let answer: ThreadResult | undefined;
        await serveRead(1, input, options, (reply) => (reply.type === 'done' ? (answer = structuredClone(reply.read)) : onFraction(reply.fraction)));
        return answer as ThreadResult;
      },
      close: () => {},
    }),
  };
}

describe('one large .evtx read in shares on several threads', () => {
  it('is split only when large, read in pieces, and its reader can join shares', () => {
    expect(sharePlan(log(3), 2, 0)?.count).toBe(2);
    expect(sharePlan(log(3), 1, 0)).toBeNull();
    expect(sharePlan(log(3), 2)).toBeNull(); // under SHARE_ABOVE_BYTES
    expect(SHARE_ABOVE_BYTES).toBeGreaterThan(3 * CHUNK);
    const { pieces: _pieces, ...loadedOnly } = log(3);
    expect(sharePlan(loadedOnly, 2, 0)).toBeNull();
  });

  it('is read whole, on the calling thread when alone, when its first chunk holds events Relay Doctor keeps (copying a CAPI2 log\'s trees between threads costs more than parsing them)', async () => {
    const capi2 = (name = 'CAPI2.evtx') => log(3, name, [...CAPI2_EVENTS]);
    expect(sharePlan(capi2(), 2, 0)).toBeNull();
    const seen: string[] = [];
    const fractions: number[] = [];
    const alone = await parallelReadAll(localThreads(seen), 2, 0)([capi2()], OPTIONS, undefined, (_d, _t, f) => fractions.push(f));
    expect(seen).toEqual([]);
    expect(fractions.at(-1)).toBeCloseTo(1);
    expect(alone).toEqual(await readInputs([capi2()], OPTIONS));
    const two = await parallelReadAll(localThreads(seen), 2, 0)([capi2('a.evtx'), capi2('b.evtx')], OPTIONS);
    expect(seen).toEqual(['whole a.evtx', 'whole b.evtx']);
    expect(two).toEqual(await readInputs([capi2('a.evtx'), capi2('b.evtx')], OPTIONS));
  });

  it('gives what one thread reading it whole gives, for 2 to 4 threads, beside other inputs in input order', async () => {
    const inputs = () => [log(7, 'a.evtx'), log(2, 'b.evtx'), { name: 'junk.bin', bytes: new Uint8Array([1, 2, 3]) }];
    const whole = await readInputs(inputs(), OPTIONS);
    expect(whole.outcomes.map((o) => [o.file, o.status, o.items, o.damaged])).toEqual([
      ['a.evtx', 'ok', 12, 1],
      ['b.evtx', 'ok', 1, 1],
      ['junk.bin', 'rejected', 0, undefined],
    ]);
    for (const jobs of [2, 3, 4]) {
      const seen: string[] = [];
      const threaded = await parallelReadAll(localThreads(seen), jobs, 0)(inputs(), OPTIONS);
      expect(threaded, `${jobs} threads`).toEqual(whole);
      expect(seen.filter((s) => s.startsWith('share')), `${jobs} threads`).toHaveLength(2 * jobs);
    }
  });

  it('reads the file whole on a new thread when a share’s thread dies, with the same result', async () => {
    const whole = await readInputs([log(5)], OPTIONS);
    const seen: string[] = [];
    const threaded = await parallelReadAll(localThreads(seen, (o) => o.share?.index === 1), 2, 0)([log(5)], OPTIONS);
    expect(threaded).toEqual(whole);
    expect(seen).toContain('whole System.evtx');
  });

  it('reads the file whole when the record limit falls inside it, stopping where one reader stops', async () => {
    const limited = { limits: { ...OPTIONS.limits, maxRecords: 10 } };
    const whole = await readInputs([log(7)], limited);
    expect(whole.outcomes[0]?.warnings).toContainEqual({ code: 'eventlog.tooManyRecords', params: { limit: 10 } });
    expect(await parallelReadAll(localThreads([]), 2, 0)([log(7)], limited)).toEqual(whole);
  });

  it('reports progress through the file as the shares advance', async () => {
    const fractions: number[] = [];
    await parallelReadAll(localThreads([]), 2, 0)([log(7)], OPTIONS, undefined, (_done, _total, f) => fractions.push(f));
    // Each share reports its own way through; the file's fraction is their mean, so it ends at 1.
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBeCloseTo(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] as number))).toBe(true);
  });
});
