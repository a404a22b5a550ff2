import dns from 'node:dns';
import net from 'node:net';
import { codeForSocketError, detailOf, networkError, type NetworkError } from './errors';
import { err, ok, type Result } from '../../../shared/result';

/** net.connect's `lookup` hook. Injectable so a test can resolve names without asking a real DNS server. */
export type LookupFunction = NonNullable<net.TcpNetConnectOpts['lookup']>;

export interface ConnectOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly lookup?: LookupFunction;
}

export interface OpenedSocket {
  readonly socket: net.Socket;
  /** Name resolution time; absent when `host` is an IP literal (no lookup happens). */
  readonly dnsMs?: number;
  readonly connectMs: number;
  readonly remoteAddress: string;
}

/** Opens a TCP connection, timing DNS and connect separately, with failures as stable codes. */
export function openSocket(opts: ConnectOptions): Promise<Result<OpenedSocket, NetworkError>> {
  const started = performance.now();
  let dnsMs: number | undefined;
  let lookupFailed = false;
  return new Promise((resolve) => {
    // Wrapped rather than listened to: with Happy Eyeballs (Node ≥ 20 default) the socket emits no 'lookup'
    // event when a name has one address, so timing and DNS failures are taken at the resolver call itself.
    const resolve_ = (opts.lookup ?? dns.lookup) as (h: string, o: object, cb: (e: Error | null, ...rest: unknown[]) => void) => void;
    const lookup = ((hostname: string, options: object, callback: (e: Error | null, ...rest: unknown[]) => void) => {
      resolve_(hostname, options, (e, ...rest) => {
        dnsMs = performance.now() - started;
        if (e) lookupFailed = true;
        callback(e, ...rest);
      });
    }) as LookupFunction;
    const socket = net.connect({ host: opts.host, port: opts.port, lookup });
    const timer = setTimeout(() => {
      socket.destroy();
      const stage = dnsMs === undefined && net.isIP(opts.host) === 0 ? 'dns' : 'connect';
      resolve(err(networkError('network.timeout', { stage, ms: opts.timeoutMs, host: opts.host, port: opts.port })));
    }, opts.timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      // Later errors are read by whoever uses the socket; this keeps one that arrives between owners (or
      // after the last one let go) from becoming an uncaught exception in the main process.
      socket.on('error', () => undefined);
      const connectMs = performance.now() - started - (dnsMs ?? 0);
      const remoteAddress = socket.remoteAddress ?? opts.host;
      resolve(ok({ socket, connectMs, remoteAddress, ...(dnsMs !== undefined ? { dnsMs } : {}) }));
    });
    function onError(e: Error): void {
      clearTimeout(timer);
      socket.destroy();
      const code = lookupFailed ? 'network.dnsFailed' : codeForSocketError(e, 'connect');
      resolve(err(networkError(code, { host: opts.host, port: opts.port, detail: detailOf(e) })));
    }
    socket.once('error', onError);
  });
}
