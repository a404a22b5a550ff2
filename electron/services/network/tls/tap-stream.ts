import { Duplex } from 'node:stream';
import type net from 'node:net';

/** Enough for any real handshake (certificate chains are a few KiB); the cap keeps a hostile peer from growing memory. */
const MAX_RECORDED = 512 * 1024;

/**
 * A pass-through Duplex between a TCP socket and TLS that keeps a copy of the raw bytes in each direction
 * until `stopRecording()`. TLS hands the certificate list to OpenSSL and Node exposes only a re-built path
 * of it; the raw handshake is the one place where the list exists exactly as sent (order, extras, duplicates).
 */
export class TapStream extends Duplex {
  private readonly inbound: Buffer[] = [];
  private readonly outbound: Buffer[] = [];
  private recorded = 0;
  private recording = true;

  constructor(private readonly socket: net.Socket) {
    super();
    socket.on('data', (chunk: Buffer) => {
      this.record(this.inbound, chunk);
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (e) => this.destroy(e));
    socket.on('close', () => this.destroy());
  }

  stopRecording(): void {
    this.recording = false;
  }

  received(): Buffer {
    return Buffer.concat(this.inbound);
  }

  sent(): Buffer {
    return Buffer.concat(this.outbound);
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.record(this.outbound, chunk);
    this.socket.write(chunk, done);
  }

  override _final(done: (e?: Error | null) => void): void {
    this.socket.end(done);
  }

  override _destroy(e: Error | null, done: (e?: Error | null) => void): void {
    this.socket.destroy();
    done(e);
  }

  private record(into: Buffer[], chunk: Buffer): void {
    if (!this.recording || this.recorded + chunk.length > MAX_RECORDED) return;
    this.recorded += chunk.length;
    into.push(Buffer.from(chunk));
  }
}
