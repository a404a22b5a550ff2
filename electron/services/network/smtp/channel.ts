import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parseReply, type SmtpReply } from './reply';
import { codeForSocketError, detailOf, networkError, type NetworkError, type NetworkStage } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

/**
 * Bounds on what a server may make us hold (issue 19 item 4: a hostile server could flood the probe's memory
 * with an endless line, or with continuation lines of a reply that never ends). RFC 5321 §4.5.3.1.5 limits a
 * reply line to 512 octets; real EHLO replies have a few dozen lines. Past any bound the server is not an
 * SMTP server we want to talk to: the connection is dropped at once and nothing more is read.
 */
export const SMTP_READ_LIMITS = {
  /** One line, CR LF excluded. */
  maxLineChars: 4096,
  /** Lines received and not yet consumed: one reply, or what a server pipelines ahead of us. */
  maxPendingLines: 512,
  /** Characters held at once, lines and the unfinished line together. */
  maxBufferedChars: 64 * 1024,
} as const;

/**
 * Line-oriented SMTP over one stream at a time: the plain socket first, then the TLS socket after STARTTLS.
 * Every line in either direction goes into `transcript` (`S: …`, `C: …`), which the probe and the test relay
 * return verbatim.
 */
export class SmtpChannel {
  readonly transcript: string[] = [];
  private stream: Duplex | null = null;
  private decoder = new StringDecoder('utf8');
  private pending = '';
  private lines: string[] = [];
  private failure: unknown = null;
  /** Why the server's output was refused (a bound of SMTP_READ_LIMITS), once it was. */
  private flood: string | null = null;
  private buffered = 0;
  private closed = false;
  private wake: (() => void) | null = null;

  private readonly onData = (chunk: Buffer): void => {
    if (this.flood !== null) return;
    this.pending += this.decoder.write(chunk);
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    for (const p of parts) {
      const line = p.replace(/\r$/, '');
      this.lines.push(line);
      this.buffered += line.length;
      if (line.length > SMTP_READ_LIMITS.maxLineChars) return this.refuse('reply line too long');
    }
    if (this.pending.length > SMTP_READ_LIMITS.maxLineChars) return this.refuse('reply line too long');
    if (this.lines.length > SMTP_READ_LIMITS.maxPendingLines) return this.refuse('too many reply lines');
    if (this.buffered + this.pending.length > SMTP_READ_LIMITS.maxBufferedChars) return this.refuse('reply too long');
    this.notify();
  };

  /** Drops what the flooding server sent and hangs up: nothing it sends afterwards is read or kept. */
  private refuse(reason: string): void {
    this.flood = reason;
    this.lines = [];
    this.pending = '';
    this.buffered = 0;
    this.stream?.off('data', this.onData);
    this.stream?.destroy();
    this.notify();
  }
  private readonly onError = (e: unknown): void => {
    this.failure = e;
    this.notify();
  };
  private readonly onClose = (): void => {
    this.closed = true;
    this.notify();
  };

  attach(stream: Duplex): void {
    this.detach();
    this.stream = stream;
    this.decoder = new StringDecoder('utf8');
    this.closed = false;
    stream.on('data', this.onData).on('error', this.onError).on('end', this.onClose).on('close', this.onClose);
  }

  /**
   * Stops reading before the stream is handed to TLS. Bytes still buffered here would be plaintext the server
   * sent after `220 Ready to start TLS`: refusing them avoids the STARTTLS command-injection class of bugs.
   */
  detach(): boolean {
    const s = this.stream;
    if (s) s.off('data', this.onData).off('error', this.onError).off('end', this.onClose).off('close', this.onClose);
    this.stream = null;
    const clean = this.lines.length === 0 && this.pending.length === 0;
    this.lines = [];
    this.pending = '';
    this.buffered = 0;
    return clean;
  }

  send(line: string, logged: string = line): void {
    this.transcript.push(`C: ${logged}`);
    this.stream?.write(`${line}\r\n`);
  }

  /** Waits for one complete reply, or fails with a stable code when the server is silent, hangs up or talks nonsense. */
  async reply(stage: NetworkStage, timeoutMs: number): Promise<Result<SmtpReply, NetworkError>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = parseReply(this.lines);
      if (this.flood !== null) return err(networkError('network.protocolError', { stage, detail: this.flood }, this.transcript));
      if (parsed.kind === 'reply') {
        for (const l of this.lines.splice(0, parsed.consumed)) {
          this.buffered -= l.length;
          this.transcript.push(`S: ${l}`);
        }
        return ok(parsed.reply);
      }
      if (parsed.kind === 'malformed') {
        this.transcript.push(`S: ${parsed.line}`);
        return err(networkError('network.protocolError', { stage, detail: parsed.line.slice(0, 200) }, this.transcript));
      }
      if (this.failure !== null) {
        const code = codeForSocketError(this.failure, stage);
        return err(networkError(code, { stage, ms: timeoutMs, detail: detailOf(this.failure) }, this.transcript));
      }
      if (this.closed) return err(networkError('network.protocolError', { stage, detail: 'connection closed' }, this.transcript));
      const left = deadline - Date.now();
      if (left <= 0) return err(networkError('network.timeout', { stage, ms: timeoutMs }, this.transcript));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private notify(): void {
    this.wake?.();
  }
}
