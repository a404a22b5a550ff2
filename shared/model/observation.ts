/**
 * What a piece of evidence is about and where it comes from (domain.md §11.1, architecture.md "How the engine
 * reasons"). Causes may only combine observations about the same server and certificate, within a plausible
 * time window; this is the ground floor readers, analyzers and the diagnosis share.
 */

/**
 * Where a fact was seen:
 * - `wire`: what the sending server actually does (a probe capture, the send log's certificate lines and
 *   replies, sending-side CAPI2 events);
 * - `supplied`: what the admin has (exported certificate files): not what Schannel sends;
 * - `config`: cmdlet output (connectors, certificates, accepted domains);
 * - `remote`: what another system reported (an NDR, EOP's reply quoted elsewhere).
 */
export type Origin = 'wire' | 'supplied' | 'config' | 'remote';

/** A server as the evidence names it: host names (FQDN or NetBIOS) and IP addresses, any of which may be absent. */
export interface ServerRef {
  readonly names: readonly string[];
  readonly ips: readonly string[];
}

/** A certificate as the evidence names it: a thumbprint (upper-case SHA-1) and/or a subject or DNS names. */
export interface CertificateRef {
  readonly thumbprint?: string;
  readonly subject?: string;
  readonly names?: readonly string[];
}

export interface About {
  readonly origin: Origin;
  readonly server?: ServerRef;
  readonly certificate?: CertificateRef;
  /** An SMTP session: the log it is in and its session id. */
  readonly session?: { readonly log: string; readonly id: string };
  /** ISO-8601 time of the observation, when the evidence dates it. */
  readonly at?: string;
}

/** NetBIOS-style short name of a host name, lower-case: `EX01.contoso.com` → `ex01`. */
export function shortName(name: string): string {
  const n = name.trim().toLowerCase();
  const dot = n.indexOf('.');
  return dot > 0 ? n.slice(0, dot) : n;
}

/** Two host names name the same server: equal, or one is the other's NetBIOS name (`EX01` and `ex01.contoso.com`). */
export function sameServerName(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const xShort = !x.includes('.');
  const yShort = !y.includes('.');
  return (xShort || yShort) && shortName(x) === shortName(y);
}
