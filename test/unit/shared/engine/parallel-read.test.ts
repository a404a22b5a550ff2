import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadAllResult } from '../../../../shared/engine/read-inputs';
import { parallelReadAll, serveRead, type ReadThread, type ReadThreads } from '../../../../shared/engine/parallel-read';
import { runAnalysis } from '../../../../shared/engine/run';
import { DEFAULT_LIMITS, isDeferred, type AnyInput, type DeferredInput } from '../../../../shared/model/input';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const OPTIONS = { locale: 'en', now: new Date('2026-06-01T00:00:00Z'), trustAnchors: [], generatedAt: new Date('2026-06-01T00:00:00Z') } as const;

function deferred(name: string, path: string): DeferredInput {
  const body = new Uint8Array(readFileSync(FIXTURES + path));
  return { name, size: body.length, load: async () => body, pieces: (visit) => void visit(body) };
}

/** An evidence folder as an admin collects it: two halves of a log cut by the rollover, a certificate, settings, junk. */
function evidence(): AnyInput[] {
  return [
    deferred('SmtpSend/SEND20240516-1.log', 'smtp/SEND20240516-1.log'),
    deferred('SmtpSend/SEND20240516-2.log', 'smtp/SEND20240516-2.log'),
    deferred('SmtpSend/SEND20240514-1.log', 'smtp/exchange-send-5.7.64-cert-sent.log'),
    { name: 'pasted.txt', bytes: new Uint8Array(readFileSync(FIXTURES + 'settings/get-inboundconnector-fl.txt')) },
    deferred('server.pem', 'certs/leaf-only.pem'),
    { name: 'holiday.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]) },
  ];
}

/**
 * Threads on this thread: each "thread" answers through serveRead, the reader threads' own code, and hands
 * the result over by structured clone as a worker message would. `dies` names inputs whose thread dies.
 */
function localThreads(log: string[], dies = new Set<string>()): ReadThreads<DeferredInput> {
  let spawned = 0;
  return {
    accepts: (input): input is DeferredInput => isDeferred(input),
    spawn: (): ReadThread<DeferredInput> => {
      const me = ++spawned;
      log.push(`spawn ${me}`);
      return {
        read: async (input, options, onFraction) => {
          log.push(`thread ${me}: ${input.name}`);
          if (dies.has(input.name)) return 'died';
          let answer: ReadAllResult | undefined;
          await serveRead(1, input, options, (reply) => (reply.type === 'done' ? (answer = structuredClone(reply.read)) : onFraction(reply.fraction)));
          return answer as ReadAllResult;
        },
        close: () => void log.push(`close ${me}`),
      };
    },
  };
}

describe('inputs read on several threads', () => {
  it('gives the same report as reading them one by one, in input order, with inputs that cannot cross read here', async () => {
    const oneByOne = await runAnalysis(evidence(), OPTIONS);
    const log: string[] = [];
    const done: number[] = [];
    const threaded = await runAnalysis(evidence(), { ...OPTIONS, readAll: parallelReadAll(localThreads(log), 2), onProgress: (p) => p.phase === 'read' && done.push(p.done) });
    expect(threaded.report).toEqual(oneByOne.report);
    expect(threaded.report.findings.map((f) => f.id)).toContain('smtp.tenantAttribution');
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    // Two threads for four files on disk; the pasted text and the bytes in hand never crossed.
    expect(log.filter((l) => l.startsWith('spawn'))).toEqual(['spawn 1', 'spawn 2']);
    expect(log.filter((l) => l.startsWith('thread')).map((l) => l.split(': ')[1]).sort()).toEqual(
      ['SmtpSend/SEND20240514-1.log', 'SmtpSend/SEND20240516-1.log', 'SmtpSend/SEND20240516-2.log', 'server.pem'],
    );
    expect(log.filter((l) => l.startsWith('close'))).toHaveLength(2);
  });

  it('makes the file of a dead thread damaged, replaces the thread and reads the rest', async () => {
    const log: string[] = [];
    const inputs = evidence();
    const read = await parallelReadAll(localThreads(log, new Set(['SmtpSend/SEND20240516-2.log'])), 1)(inputs, { limits: DEFAULT_LIMITS });
    const alone = await readInputs(inputs, { limits: DEFAULT_LIMITS });
    expect(read.outcomes.map((o) => [o.file, o.status, o.error?.code])).toEqual(
      alone.outcomes.map((o) => (o.file === 'SmtpSend/SEND20240516-2.log' ? [o.file, 'rejected', 'input.damaged'] : [o.file, o.status, o.error?.code])),
    );
    // One thread at a time: the dead one closed, a fresh one took the next file.
    expect(log).toEqual([
      'spawn 1', 'thread 1: SmtpSend/SEND20240516-1.log', 'thread 1: SmtpSend/SEND20240516-2.log', 'close 1',
      'spawn 2', 'thread 2: SmtpSend/SEND20240514-1.log', 'thread 2: server.pem', 'close 2',
    ]);
  });

  it('tells the whole analysis size to each thread, so compaction is decided on all files together', async () => {
    const sizes: number[] = [];
    const threads = localThreads([]);
    const spy: ReadThreads<DeferredInput> = {
      accepts: threads.accepts,
      spawn: () => {
        const thread = threads.spawn();
        return { read: (input, options, onFraction) => (sizes.push(options.totalBytes), thread.read(input, options, onFraction)), close: thread.close };
      },
    };
    const inputs = evidence();
    const total = inputs.reduce((sum, i) => sum + (isDeferred(i) ? i.size : i.bytes.length), 0);
    await parallelReadAll(spy, 3)(inputs, { limits: DEFAULT_LIMITS });
    expect(sizes).toEqual([total, total, total, total]);
  });
});

describe("a reader thread's progress", () => {
  /** A send log of about 4 MB (the fixture's sessions again and again), handed on in 64 KB pieces as files are. */
  function largeLog(): DeferredInput {
    const text = readFileSync(FIXTURES + 'smtp/exchange-send-5.7.64-cert-sent.log', 'latin1');
    const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n') + '\n';
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#')).join('\n') + '\n';
    const body = new TextEncoder().encode(header + lines.repeat(Math.ceil((4 << 20) / lines.length)));
    const pieces = (visit: (piece: Uint8Array) => boolean | void): void => {
      for (let at = 0; at < body.length; at += 65_536) if (visit(body.subarray(at, at + 65_536)) === false) return;
    };
    return { name: 'SEND.log', size: body.length, load: async () => body, pieces };
  }

  async function served(totalBytes: number): Promise<{ partials: number[]; read: ReadAllResult }> {
    const partials: number[] = [];
    let read: ReadAllResult | undefined;
    await serveRead(1, largeLog(), { totalBytes, limits: DEFAULT_LIMITS }, (reply) => (reply.type === 'done' ? (read = reply.read) : partials.push(reply.fraction)));
    return { partials, read: read! };
  }

  it('comes in steps of the whole analysis: a few per log of a large folder, the usual hundred for a file alone', async () => {
    const size = largeLog().size;
    const alone = await served(size);
    const inFolder = await served(size * 100);
    expect(alone.partials.length).toBeGreaterThan(50);
    expect(inFolder.partials.length).toBeGreaterThan(0);
    expect(inFolder.partials.length).toBeLessThanOrEqual(2);
    expect(inFolder.partials.every((f, i, all) => f > 0 && f <= 1 && (i === 0 || f > all[i - 1]!))).toBe(true);
    // Only the messages are fewer: what was read is what this thread's engine reads of it.
    expect(inFolder.read).toEqual(await readInputs([largeLog()], { totalBytes: size * 100, limits: DEFAULT_LIMITS }));
  });
});
