import net from 'node:net';
import { X509Certificate, createHash } from 'node:crypto';
import type { ProbeResult } from './probe-smtp';
import type { TestRelayResult } from './relay/test-relay';
import { replyText } from './smtp/reply';
import { networkError, type NetworkError } from './errors';
import { err, ok, type Result } from '../../../shared/result';

/** A message for the CLI's text output: an i18n key of network.json and its ICU parameters. */
export interface NetworkMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
}

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;

/** `host`, `host:587`, `192.0.2.1:465`, `[2001:db8::1]:25` or a bare IPv6 address; port 25 when absent. */
export function parseProbeTarget(text: string): Result<ProbeTarget, NetworkError> {
  const t = text.trim();
  const bad = () => err(networkError('network.invalidTarget', { target: t.slice(0, 300) }));
  let host = t;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
  } else if (t.split(':').length === 2) {
    [host = '', portText] = t.split(':');
  }
  const port = portText === undefined ? 25 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return bad();
  if (net.isIP(host) === 0 && !HOST_NAME.test(host)) return bad();
  if (bracketed && net.isIPv6(host) === false) return bad();
  return ok({ host, port });
}

/** JSON for `relay-doctor probe --json` (schema `relay-doctor/probe@1`): DER as Base64 plus the facts to read it by. */
export function probeResultJson(r: ProbeResult): Record<string, unknown> {
  return {
    schema: 'relay-doctor/probe@1',
    target: { host: r.host, port: r.port, implicitTls: r.implicitTls, remoteAddress: r.remoteAddress },
    // The receiving side's chain: a stand-in for what the server sends when it relays (domain.md).
    role: 'receivingSide',
    banner: r.banner,
    capabilities: r.capabilities,
    capabilitiesAfterTls: r.capabilitiesAfterTls,
    tls: r.tls,
    chainCapture: r.chainCapture,
    certificates: r.certificates.map(describe),
    timingsMs: r.timings.map((t) => ({ stage: t.stage, ms: Math.round(t.ms * 10) / 10 })),
    transcript: r.transcript,
  };
}

interface CertificateSummary {
  readonly derBase64: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly notAfter?: string;
}

/** Windows-style names (most significant RDN last), from Node's own parser: enough for a listing. */
function describe(der: Uint8Array): CertificateSummary {
  const base = {
    derBase64: Buffer.from(der).toString('base64'),
    sha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
  try {
    const x = new X509Certificate(der);
    return { ...base, subject: x.subject.split('\n').reverse().join(', '), issuer: x.issuer.split('\n').reverse().join(', '), notAfter: new Date(x.validTo).toISOString() };
  } catch {
    return base;
  }
}

/** The lines of `relay-doctor probe` without --json, as catalog keys (network.json) the CLI formats. */
export function probeSummary(r: ProbeResult): NetworkMessage[] {
  const out: NetworkMessage[] = [
    { key: 'network.probe.connected', params: { host: r.host, port: r.port, address: r.remoteAddress } },
    { key: 'network.probe.banner', params: { banner: r.banner.join(' ') } },
    r.implicitTls
      ? { key: 'network.probe.implicitTls', params: {} }
      : { key: 'network.probe.startTls', params: { capabilities: r.capabilities.join(', ') } },
    { key: 'network.probe.tls', params: { protocol: r.tls.protocol, cipher: r.tls.cipherStandardName } },
    { key: 'network.probe.certificates', params: { count: r.certificates.length, capture: r.chainCapture } },
  ];
  r.certificates.forEach((der, i) => {
    const d = describe(der);
    out.push({ key: 'network.probe.certificate', params: { index: i + 1, subject: d.subject ?? '?', issuer: d.issuer ?? '?', sha1: d.sha1 } });
  });
  out.push({ key: 'network.probe.standIn', params: {} });
  for (const t of r.timings) out.push({ key: 'network.probe.timing', params: { stage: t.stage, ms: Math.round(t.ms) } });
  return out;
}

/** The outcome of a test relay as catalog messages: the verdict (title + detail) and what was presented. */
export function relaySummary(r: TestRelayResult): NetworkMessage[] {
  const decisive = [...r.steps].reverse().find((s) => s.stage === 'rcptTo' || s.stage === 'mailFrom');
  const reply = decisive ? replyText(decisive.reply) : '';
  const presented = r.presentedCertificates?.length ?? 0;
  return [
    { key: `network.relay.${r.outcome}.title`, params: {} },
    { key: `network.relay.${r.outcome}.detail`, params: { reply, presented } },
    { key: 'network.relay.presented', params: { count: presented } },
  ];
}
