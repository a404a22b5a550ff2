import type { Confidence, EvidenceRef, Finding, Params, Severity } from './finding';
import type { EvidenceKind } from './evidence';
import type { Answers } from './answers';
import type { Verdict } from './verdict';

/** findings.md "The JSON report": relay-doctor/report@1. */
export const REPORT_SCHEMA = 'relay-doctor/report@1';

export interface InputReport {
  readonly file: string;
  readonly kind: EvidenceKind | null;
  readonly status: 'ok' | 'rejected';
  readonly items?: number;
  readonly damaged?: number;
  readonly warnings?: ReadonlyArray<{ readonly code: string; readonly message: string }>;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface CertificateReport {
  readonly sha1: string;
  readonly sha256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serial: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly dnsNames: readonly string[];
  readonly eku: readonly string[] | null;
  readonly isCa: boolean;
  readonly selfSigned: boolean;
  readonly sources: readonly string[];
}

export interface ChainReport {
  readonly leaf: string;
  readonly path: readonly string[];
  readonly status: 'complete' | 'incomplete' | 'untrusted';
  readonly trustStore: 'mozilla' | 'system' | 'user';
  readonly missingIssuer?: string;
  readonly aiaUrls?: readonly string[];
  /** SHA-1s of the path a server sent in a probe capture: what is on the wire (domain.md §11.3). */
  readonly sentByServer?: readonly string[];
  /** SHA-1s of the path that came from the admin's files: what the admin has, not what is sent. */
  readonly supplied?: readonly string[];
}

/** A root the admin trusted for this case (`--trust`, the app's "Trust this root"): theirs, not a store's. */
export interface TrustedRootReport {
  readonly sha1: string;
  readonly subject: string;
  /** The file it came from (a `--trust` file, the root file added in the app, or the evidence file it was in). */
  readonly source: string;
}

export interface FindingReport extends Finding {
  readonly title: string;
  readonly detail: string;
}

export interface CauseReport {
  readonly id: string;
  readonly confidence: Confidence;
  readonly findings: readonly string[];
  readonly remediation: readonly string[];
  readonly title: string;
  readonly detail: string;
  readonly params?: Params;
  readonly evidence?: readonly EvidenceRef[];
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly generatedAt: string;
  readonly validationTime: string;
  readonly locale: string;
  readonly inputs: readonly InputReport[];
  readonly certificates: readonly CertificateReport[];
  readonly chains: readonly ChainReport[];
  readonly findings: readonly FindingReport[];
  readonly causes: readonly CauseReport[];
  /** The one verdict (findings.md); optional only for reports written before it existed. */
  readonly verdict?: Verdict;
  readonly answers?: Answers;
  /** The roots the admin trusted for this case; a chain they anchor has `trustStore: 'user'`. Absent when none. */
  readonly trustedRoots?: readonly TrustedRootReport[];
}

export type { Severity };
