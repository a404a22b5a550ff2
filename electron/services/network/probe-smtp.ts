import { openSecuredSmtp, quit } from './smtp/session';
import type { LookupFunction } from './connect';
import { networkError, type NetworkError } from './errors';
import { err, ok, type Result } from '../../../shared/result';
import type { ProbeOptions, ProbeResult } from '../../../shared/network/types';

export type { ProbeOptions, ProbeResult };

export interface ProbeDeps {
  /** Name resolution; the system resolver unless a caller (a test) supplies one. */
  readonly lookup?: LookupFunction;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_HELO_NAME = 'relay-doctor.invalid';

/**
 * STARTTLS probe: banner, EHLO, STARTTLS, handshake, the exact certificate list, EHLO over TLS, QUIT.
 * Opens exactly one connection, to `host:port`, and only when called.
 */
export async function probeSmtp(opts: ProbeOptions, deps: ProbeDeps = {}): Promise<Result<ProbeResult, NetworkError>> {
  const port = opts.port ?? 25;
  if (!opts.host || !Number.isInteger(port) || port < 1 || port > 65535) {
    return err(networkError('network.invalidTarget', { target: `${opts.host}:${String(port)}` }));
  }
  const implicitTls = opts.implicitTls ?? port === 465;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const opened = await openSecuredSmtp({
    host: opts.host,
    port,
    implicitTls,
    timeoutMs,
    heloName: opts.heloName ?? DEFAULT_HELO_NAME,
    ...(opts.servername ? { servername: opts.servername } : {}),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  });
  if (!opened.ok) return opened;
  const s = opened.value;
  const chain = s.tls.peerCertificates();
  const started = performance.now();
  await quit(s, timeoutMs);
  s.timings.push({ stage: 'quit', ms: performance.now() - started });
  return ok({
    host: opts.host,
    port,
    implicitTls,
    remoteAddress: s.remoteAddress,
    banner: s.banner.lines,
    capabilities: s.capabilities,
    capabilitiesAfterTls: s.capabilitiesAfterTls,
    tls: { protocol: s.tls.protocol, cipher: s.tls.cipher, cipherStandardName: s.tls.cipherStandardName },
    certificates: chain.ders.map((d) => new Uint8Array(d)),
    chainCapture: chain.capture,
    timings: s.timings,
    transcript: s.channel.transcript,
  });
}
