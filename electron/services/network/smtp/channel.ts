import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parseReply, type SmtpReply } from './reply';
import { codeForSocketError, detailOf, networkError, type NetworkError, type NetworkStage } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

/** A server that sends more than this without ending a reply is not an SMTP server we want to talk to. */
const MAX_BUFFERED_CHARS = 64 * 1024;

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
  private closed = false;
  private wake: (() => void) | null = null;

  private readonly onData = (chunk: Buffer): void => {
    this.pending += this.decoder.write(chunk);
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    for (const p of parts) this.lines.push(p.replace(/\r$/, ''));
    this.notify();
  };
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
      if (parsed.kind === 'reply') {
        for (const l of this.lines.splice(0, parsed.consumed)) this.transcript.push(`S: ${l}`);
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
      if (this.pending.length > MAX_BUFFERED_CHARS) {
        return err(networkError('network.protocolError', { stage, detail: 'reply too long' }, this.transcript));
      }
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
