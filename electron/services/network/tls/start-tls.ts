import tls from 'node:tls';
import type net from 'node:net';
import { TapStream } from './tap-stream';
import { certificatesFromHandshake } from './handshake-certificates';
import { detailOf, networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

import type { ChainCapture } from '../../../../shared/network/types';

export type { ChainCapture };

export interface TlsSession {
  readonly socket: tls.TLSSocket;
  readonly protocol: string;
  readonly cipher: string;
  readonly cipherStandardName: string;
  readonly handshakeMs: number;
  /** The peer's certificate list, DER, in the order it was sent. */
  peerCertificates(): { readonly ders: Buffer[]; readonly capture: ChainCapture };
  /** What we sent in our own Certificate message (client certificate + chain), or null when we sent none. */
  ownCertificates(): Buffer[] | null;
}

export interface StartTlsOptions {
  readonly socket: net.Socket;
  readonly servername?: string;
  readonly timeoutMs: number;
  /** Client certificate material (pfx/passphrase or cert/key) for the test relay; nothing for a probe. */
  readonly clientCredentials?: Pick<tls.SecureContextOptions, 'pfx' | 'passphrase' | 'cert' | 'key'>;
}

/**
 * Runs a TLS client handshake on an open socket. Trust is deliberately off (`rejectUnauthorized: false`) and
 * the context has an EMPTY CA list (`ca: []`): with no `ca`, Node loads its root store and its
 * `getPeerCertificate(true)` walk would append a root the server never sent. The exact list comes from the
 * recorded handshake anyway; the empty store keeps the fallback honest too. Node's default minimum (TLS 1.2)
 * stays: a server that cannot do 1.2 fails here exactly as it fails with Exchange Online.
 */
export function startTls(opts: StartTlsOptions): Promise<Result<TlsSession, NetworkError>> {
  const started = performance.now();
  const tap = new TapStream(opts.socket);
  const secrets = new Map<string, Buffer>();
  return new Promise((resolve) => {
    let secureContext: tls.SecureContext;
    try {
      secureContext = tls.createSecureContext({ ca: [], ...(opts.clientCredentials ?? {}) });
    } catch (e) {
      opts.socket.destroy();
      resolve(err(networkError('network.clientCredentialsInvalid', { reason: 'format', detail: detailOf(e) })));
      return;
    }
    const socket = tls.connect({
      socket: tap,
      secureContext,
      rejectUnauthorized: false,
      ...(opts.servername ? { servername: opts.servername } : {}),
    });
    socket.on('keylog', (line: Buffer) => {
      const [label, , secret] = line.toString('ascii').trim().split(' ');
      if (label && secret) secrets.set(label, Buffer.from(secret, 'hex'));
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(err(networkError('network.timeout', { stage: 'tls', ms: opts.timeoutMs })));
    }, opts.timeoutMs);
    const onError = (e: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(err(networkError('network.tlsFailed', { stage: 'tls', detail: detailOf(e) })));
    };
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.on('error', () => undefined); // as in connect.ts: the SMTP channel reads errors from here on
      const cipher = socket.getCipher();
      const suite = cipher.standardName;
      const keysFor = (label: string) => {
        const handshakeSecret = secrets.get(label);
        return handshakeSecret ? { suite, handshakeSecret } : { suite };
      };
      resolve(
        ok({
          socket,
          protocol: socket.getProtocol() ?? 'unknown',
          cipher: cipher.name,
          cipherStandardName: suite,
          handshakeMs: performance.now() - started,
          peerCertificates: () => {
            const exact = certificatesFromHandshake(tap.received(), keysFor('SERVER_HANDSHAKE_TRAFFIC_SECRET'));
            return exact && exact.length > 0 ? { ders: exact, capture: 'handshake' } : { ders: issuerWalk(socket), capture: 'issuerWalk' };
          },
          ownCertificates: () => {
            tap.stopRecording();
            return certificatesFromHandshake(tap.sent(), keysFor('CLIENT_HANDSHAKE_TRAFFIC_SECRET'));
          },
        }),
      );
    });
  });
}

/** Node's view: the leaf, then issuers it could link among the sent certificates (and its store, here empty). */
function issuerWalk(socket: tls.TLSSocket): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<object>();
  for (let c: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true); c?.raw && !seen.has(c); c = c.issuerCertificate) {
    seen.add(c);
    out.push(c.raw);
  }
  return out;
}
