import type { Confidence, EvidenceRef, Finding, Params, Severity } from './finding';
import type { EvidenceKind } from './evidence';
import type { Answers } from './answers';

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
  readonly answers?: Answers;
}

export type { Severity };
