import type { CandidatePath } from '../chain/paths';
import type { CertificateProfile } from '../profile/certificate-profile';

export type ViolationParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** One broken rule of path validation, on the certificate at `index` of the path (0 = leaf). */
export interface Violation {
  /** The finding id (DEVELOPERS.md "Path validation findings"). */
  readonly id: string;
  readonly index: number;
  readonly params?: ViolationParams;
}

/** A candidate path with the profile of each of its certificates, leaf first. */
export interface PathUnderTest {
  readonly path: CandidatePath;
  readonly profiles: readonly CertificateProfile[];
  /** At most this many intermediates (limbo's max_chain_depth); unlimited when absent. */
  readonly maxIntermediates?: number;
}

/** A family of RFC 5280 §6 / CA/Browser Forum checks over a whole path; `ids` lists what it can report. */
export interface PathRule {
  readonly ids: readonly string[];
  check(p: PathUnderTest): Violation[];
}

export const lastIndex = (p: PathUnderTest): number => p.profiles.length - 1;

/**
 * The self-issued certificate a path ends at (a trust anchor or a self-signed CA): a root, not an
 * intermediate. Judged by its names, not its key identifiers, so a root whose AKI contradicts its SKI is
 * still a root (and judged for that).
 */
export function isRoot(p: PathUnderTest, i: number): boolean {
  return i > 0 && i === lastIndex(p) && p.path.end !== 'missingIssuer' && p.profiles[i]!.selfIssued;
}

/**
 * A root of the runtime's Mozilla or operating-system store. Its own profile is not judged against RFC 5280's
 * and the CA/B Forum's rules for issuing CAs: a trust anchor is trusted as configured (RFC 5280 §6.1.1 (d) takes
 * only its name and key), and these roots went through the root programs (Microsoft's among them) already;
 * judging their encoding again would only raise false alarms on every real chain that ends there.
 * Roots the user adds (`--trust`, or only found in the files) are judged like any other CA.
 */
export function isVettedRoot(p: PathUnderTest, i: number): boolean {
  return isRoot(p, i) && p.path.end === 'trusted' && (p.path.store === 'mozilla' || p.path.store === 'system');
}

/** Certificates that issued the one below them on this path (every index but the leaf). */
export function issuerIndices(p: PathUnderTest): number[] {
  return p.profiles.map((_, i) => i).filter((i) => i > 0);
}

/**
 * The leaf is judged as a server's certificate: it is not a CA. A CA certificate checked on its own (the last of
 * a bundle without a leaf) is judged as a CA, never against the rules for server certificates.
 */
export function leafIsServerCertificate(p: PathUnderTest): boolean {
  return !(p.profiles[0]!.basicConstraints?.value?.ca ?? false);
}
