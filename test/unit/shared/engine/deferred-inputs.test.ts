import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../../shared/engine/read-inputs';
import { DEFAULT_LIMITS, type ByteSource, type DeferredInput } from '../../../../shared/model/input';
import { parseExchangeLog } from '../../../../shared/smtp/exchange/parse';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import { evidenceOfKind } from '../../../../shared/model/evidence';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const bytes = (path: string) => new Uint8Array(readFileSync(FIXTURES + path));

/** A file the engine fetches itself; `events` records when it was loaded or streamed. */
function deferred(name: string, body: Uint8Array, events: string[], piece = 4096): DeferredInput {
  const pieces: ByteSource = (visit) => {
    events.push(`pieces:${name}`);
    for (let at = 0; at < body.length; at += piece) if (visit(body.subarray(at, at + piece)) === false) return;
  };
  return {
    name,
    size: body.length,
    load: async () => {
      events.push(`load:${name}`);
      return body;
    },
    pieces,
  };
}

/** The Exchange fixture's sessions copied under fresh ids until the log is larger than `size` bytes. */
function bigLog(size: number): Uint8Array {
  const text = readFileSync(`${FIXTURES}smtp/exchange-send-5.7.64-cert-sent.log`, 'utf8');
  const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
  const body = text.split('\n').filter((l) => l && !l.startsWith('#')).join('\n');
  const parts = [header];
  for (let n = 0, length = 0; length < size; n++) {
    const copy = body.replace(/,08DC73F1A2B3C4(AA|D5),/g, (_m, tail: string) => `,${n.toString(16).padStart(14, '0')}${tail},`);
    parts.push(copy);
    length += copy.length;
  }
  return new TextEncoder().encode(parts.join('\n') + '\n');
}

describe('inputs read when their turn comes', () => {
  it('loads each deferred file only after the previous one was read, in order', async () => {
    const events: string[] = [];
    const inputs = [
      deferred('leaf-only.pem', bytes('certs/leaf-only.pem'), events),
      deferred('inbound.txt', bytes('settings/get-inboundconnector-fl.txt'), events),
      deferred('send.log', bytes('smtp/exchange-send-5.7.64-cert-sent.log'), events),
    ];
    const read = await readInputs(inputs, { limits: DEFAULT_LIMITS }, undefined, (done) => events.push(`read:${done}`));
    // Small files are judged and read from one pass over their pieces (issue 19: judged from the head first).
    expect(events).toEqual(['pieces:leaf-only.pem', 'read:1', 'pieces:inbound.txt', 'read:2', 'pieces:send.log', 'read:3']);
    expect(read.outcomes.map((o) => [o.file, o.kind, o.status])).toEqual([
      ['leaf-only.pem', 'certificates', 'ok'],
      ['inbound.txt', 'settings', 'ok'],
      ['send.log', 'smtpLog', 'ok'],
    ]);
  });

  it('refuses a file over the size limit without reading a byte of it', async () => {
    const events: string[] = [];
    const huge: DeferredInput = { ...deferred('huge.log', new Uint8Array(10), events), size: DEFAULT_LIMITS.maxFileBytes + 1 };
    const read = await readInputs([huge], { limits: DEFAULT_LIMITS });
    expect(read.outcomes[0]?.error).toEqual({ code: 'input.tooLarge', params: { what: 'bytes', limitBytes: DEFAULT_LIMITS.maxFileBytes } });
    expect(events).toEqual([]);
  });

  it('reports a file that cannot be loaded as unreadable with the system reason, and reads the others', async () => {
    const events: string[] = [];
    const gone: DeferredInput = {
      name: 'gone.log',
      size: 100,
      load: () => Promise.reject(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })),
    };
    const read = await readInputs([gone, deferred('leaf-only.pem', bytes('certs/leaf-only.pem'), events)], { limits: DEFAULT_LIMITS });
    expect(read.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      ['gone.log', 'rejected', { code: 'input.unreadable', params: { reason: 'ENOENT' } }],
      ['leaf-only.pem', 'ok', undefined],
    ]);
  });
});

describe('large protocol logs streamed in pieces', () => {
  const limits = { ...DEFAULT_LIMITS, streamAboveBytes: 256 * 1024 };
  const log = bigLog(600 * 1024);

  it('rebuilds the same sessions from pieces as from the whole file, without loading it', async () => {
    const events: string[] = [];
    const read = await readInputs([deferred('SEND20240514-1.log', log, events)], { limits });
    expect(events.some((e) => e.startsWith('load:'))).toBe(false);
    expect(events.filter((e) => e.startsWith('pieces:')).length).toBeGreaterThanOrEqual(3);
    const [evidence] = evidenceOfKind(read.evidence, 'smtpLog');
    // A small analysis keeps whole sessions, streamed or not.
    const whole = parseExchangeLog('SEND20240514-1.log', log);
    expect(whole.sessions.length).toBeGreaterThan(100);
    expect(evidence?.sessions).toEqual(whole.sessions);
    expect(read.outcomes[0]?.items).toBe(whole.sessions.length);
    expect(read.outcomes[0]?.warnings?.map((w) => w.code)).toEqual(['smtp.warning.sessionsSkipped']);
  });

  it('keeps only proving lines and folds identical sessions when the analysis is large, streamed as loaded', async () => {
    const pieces: ByteSource = (visit) => {
      for (let at = 0; at < log.length; at += 4096) visit(log.subarray(at, at + 4096));
    };
    const stream = exchangeProtocolLogReader.stream;
    const streamed = await stream?.read({ name: 'SEND.log', size: log.length, head: log.subarray(0, 65536), pieces }, { limits, totalBytes: 1 << 30 });
    const loaded = await exchangeProtocolLogReader.read({ name: 'SEND.log', bytes: log }, { limits, totalBytes: 1 << 30 });
    if (!streamed?.ok || !loaded.ok) throw new Error('not read');
    expect(streamed.value).toEqual(loaded.value);
    expect(streamed.value.warnings?.map((w) => w.code)).toEqual(['smtp.warning.sessionsSkipped', 'smtp.warning.sessionsCompacted', 'smtp.warning.sessionsFolded']);
  });

  it('loads a large file whole when its reader cannot stream it (UTF-16 log, certificate list)', async () => {
    const events: string[] = [];
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(new TextDecoder().decode(log.subarray(0, 300 * 1024)), 'utf16le'))]);
    const pem = new TextEncoder().encode(new TextDecoder().decode(bytes('certs/leaf-only.pem')).repeat(200));
    const read = await readInputs([deferred('RECV.log', utf16, events), deferred('many.pem', pem, events)], { limits });
    expect(events.filter((e) => e.startsWith('load:'))).toEqual(['load:RECV.log', 'load:many.pem']);
    expect(read.outcomes.map((o) => [o.kind, o.status])).toEqual([
      ['smtpLog', 'ok'],
      ['certificates', 'ok'],
    ]);
  });

  it('reports a file that fails mid-stream as unreadable', async () => {
    let served = 0;
    const failing: DeferredInput = {
      name: 'SEND.log',
      size: log.length,
      load: () => Promise.resolve(log),
      pieces: (visit) => {
        for (let at = 0; at < log.length; at += 65536) {
          if (++served > 4) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          if (visit(log.subarray(at, at + 65536)) === false) return;
        }
      },
    };
    const read = await readInputs([failing], { limits });
    expect(read.outcomes[0]?.error).toEqual({ code: 'input.unreadable', params: { reason: 'EIO' } });
  });
});

describe('progress within a large file', () => {
  it('reports how far through a streamed log the reader is, rising to the end, a hundred steps at most', async () => {
    const log = bigLog(2 * 1024 * 1024);
    const seen: Array<[number, number, number]> = [];
    const input = deferred('SEND.log', log, [], 16384);
    await readInputs([input, deferred('leaf-only.pem', bytes('certs/leaf-only.pem'), [])], { limits: { ...DEFAULT_LIMITS, streamAboveBytes: 1024 * 1024 } }, undefined, undefined, (done, total, fraction) =>
      seen.push([done, total, fraction]),
    );
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.length).toBeLessThanOrEqual(100);
    expect(seen.every(([done, total]) => done === 0 && total === 2)).toBe(true);
    const fractions = seen.map(([, , f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeGreaterThan(0.98);
    expect(fractions.at(-1)).toBeLessThanOrEqual(1);
  });
});
