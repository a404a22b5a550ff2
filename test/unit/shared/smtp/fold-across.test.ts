import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadAllResult } from '../../../../shared/engine/read-inputs';
import { parallelReadAll, serveRead, type ReadThreads } from '../../../../shared/engine/parallel-read';
import { DEFAULT_LIMITS, isDeferred, type DeferredInput } from '../../../../shared/model/input';
import { evidenceOfKind } from '../../../../shared/model/evidence';
import { sessionCount } from '../../../../shared/smtp/fold';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const LARGE = 200 * 1024 * 1024;

/** A folder of small send logs: the fixture's two sessions (one refused with 5.7.64) copied under fresh ids. */
function folder(files: number, copies: number): DeferredInput[] {
  const text = readFileSync(`${FIXTURES}smtp/exchange-send-5.7.64-cert-sent.log`, 'utf8');
  const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
  const body = text.split('\n').filter((l) => l && !l.startsWith('#')).join('\n');
  return Array.from({ length: files }, (_, f) => {
    const parts = [header];
    for (let c = 0; c < copies; c++) parts.push(body.replace(/,08DC73F1A2B3C4(AA|D5),/g, (_m, tail: string) => `,${(f * 1000 + c).toString(16).padStart(14, '0')}${tail},`));
    const bytes = new TextEncoder().encode(parts.join('\n') + '\n');
    return { name: `SmtpSend/SEND${String(f).padStart(3, '0')}.LOG`, size: bytes.length, load: async () => bytes, pieces: (visit) => void visit(bytes) };
  });
}

const sessionsOf = (read: ReadAllResult) => evidenceOfKind(read.evidence, 'smtpLog').flatMap((e) => e.sessions);

describe('identical sessions across the logs of a large analysis', () => {
  it('keeps ten examples per shape in the whole folder, and every session still counts', async () => {
    const read = await readInputs(folder(30, 4), { limits: DEFAULT_LIMITS, totalBytes: LARGE });
    const sessions = sessionsOf(read);
    const rejected = sessions.filter((s) => s.status === 'rejected');
    // 30 logs × 4 refused sessions: ten kept, the other 110 counted on them.
    expect(rejected).toHaveLength(10);
    expect(sessionCount(rejected)).toBe(120);
    // The internal hops that went fine were dropped by each log's parser already.
    expect(sessionCount(sessions)).toBe(120);
    // Each log still says how many sessions it held.
    expect(read.outcomes.map((o) => o.items)).toEqual(Array.from({ length: 30 }, () => 4));
  });

  it('keeps every session of a small analysis', async () => {
    const read = await readInputs(folder(30, 4), { limits: DEFAULT_LIMITS });
    expect(sessionsOf(read).filter((s) => s.status === 'rejected')).toHaveLength(120);
  });

  it('gives the same evidence read on threads as read one by one', async () => {
    const threads: ReadThreads<DeferredInput> = {
      accepts: (input): input is DeferredInput => isDeferred(input),
      spawn: () => ({
        read: async (input, options) => {
          let answer: ReadAllResult | undefined;
          await serveRead(1, input, options, (reply) => {
            if (reply.type === 'done') answer = structuredClone(reply.read);
          });
          return answer as ReadAllResult;
        },
        close: () => undefined,
      }),
    };
    const oneByOne = await readInputs(folder(30, 4), { limits: DEFAULT_LIMITS, totalBytes: LARGE });
    const threaded = await parallelReadAll(threads, 3)(folder(30, 4), { limits: DEFAULT_LIMITS, totalBytes: LARGE });
    expect(threaded).toEqual(oneByOne);
    expect(sessionsOf(threaded).filter((s) => s.status === 'rejected')).toHaveLength(10);
  });
});
