import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeSmtp } from '../../electron/services/network/probe-smtp';
import { SMTP_READ_LIMITS } from '../../electron/services/network/smtp/channel';
import { LOOPBACK, PATIENT_MS, startRaw } from '../unit/electron/services/network/local-servers';

// Issue 19 item 4: a hostile SMTP server could flood the probe's memory. The probe holds at most a few
// reply lines of bounded length and hangs up on a server that sends more; nothing it sends later is read.

interface Flood {
  readonly port: number;
  /** Bytes the server got written before the probe hung up. */
  sent(): number;
  /** Resolves when the probe closed the connection. */
  readonly hungUp: Promise<void>;
  close(): Promise<void>;
}

/** A server that greets (or not) and then writes `piece` as fast as the socket takes it, until the client leaves. */
async function startFlood(greeting: string, piece: string, onEhlo = false): Promise<Flood> {
  let sent = 0;
  let hangUp: () => void = () => undefined;
  const hungUp = new Promise<void>((resolve) => (hangUp = resolve));
  const chunk = Buffer.from(piece.repeat(Math.ceil(16384 / piece.length)));
  const pump = (sock: net.Socket): void => {
    while (!sock.destroyed && sock.write(chunk)) sent += chunk.length;
    if (!sock.destroyed) sock.once('drain', () => pump(sock));
  };
  const server = await startRaw((sock) => {
    sock.on('close', () => hangUp());
    sock.write(greeting);
    if (!onEhlo) pump(sock);
    else sock.once('data', () => pump(sock));
  });
  return { port: server.port, sent: () => sent, hungUp, close: () => server.close() };
}

let open: Flood[] = [];
afterEach(async () => {
  await Promise.all(open.map((f) => f.close()));
  open = [];
});

describe('probeSmtp against a server that floods', () => {
  it.each([
    ['one endless greeting line', '', 'x'],
    ['a greeting of endless continuation lines', '', '220-flood flood flood flood\r\n'],
    ['an EHLO reply of endless continuation lines', '220 mx.contoso.test ESMTP\r\n', '250-SIZE 35882577\r\n'],
    ['an EHLO reply line that never ends', '220 mx.contoso.test ESMTP\r\n', '250-'],
  ])('hangs up on %s with network.protocolError, long before its timeout', async (_what, greeting, piece) => {
    const flood = await startFlood(greeting, piece, greeting !== '');
    open.push(flood);
    const r = await probeSmtp({ host: LOOPBACK, port: flood.port, timeoutMs: PATIENT_MS });
    expect(!r.ok && r.error.code).toBe('network.protocolError');
    await flood.hungUp;
    // Everything the probe kept is in the transcript: a few lines, none longer than the line bound.
    const transcript = !r.ok ? (r.error.transcript ?? []) : [];
    expect(transcript.length).toBeLessThanOrEqual(4);
    for (const line of transcript) expect(line.length).toBeLessThanOrEqual(SMTP_READ_LIMITS.maxLineChars + 3);
  });
});
