import type { Evidence } from '../model/evidence';
import type { Analysis } from '../engine/analyze';
import type { EvidenceRef, Params } from '../model/finding';
import type { InputReport } from '../model/report';
import type { CertificateEvidence, CertificateRecord } from '../x509/types';
import type { HybridFacts } from './hybrid-facts';

/** relay-doctor/preflight@1 (DEVELOPERS.md "Renewal pre-flight"). */
export const PREFLIGHT_SCHEMA = 'relay-doctor/preflight@1';

export type Outcome = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * One check's answer: a stable id (`preflight.*`), its outcome, the reason (the catalog key is
 * `<id>.<reason>`), params by name and the evidence that shows it. Text comes from the catalogs.
 */
export interface CheckResult {
  readonly id: string;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly params: Params;
  readonly evidence: readonly EvidenceRef[];
}

/** What the checks read: the new certificate, the current evidence, and the engine's analysis of both. */
export interface PreflightInput {
  /** The input name of the new certificate's file (the first path on the command line). */
  readonly newSource: string;
  readonly evidence: readonly Evidence[];
  readonly analysis: Analysis;
  readonly now: Date;
  /** Facts the settings readers do not keep (ConnectorSource, receive connectors), from the cmdlet text. */
  readonly hybrid?: HybridFacts;
}

/** The input, resolved once for every check. */
export interface PreflightContext extends PreflightInput {
  readonly file: CertificateEvidence;
  readonly leaf: CertificateRecord;
  /** The leaf's chosen path, leaf first, as records (store roots absent from the evidence are left out). */
  readonly path: readonly CertificateRecord[];
  /** Every certificate record in the evidence by SHA-1. */
  readonly bySha1: ReadonlyMap<string, CertificateRecord>;
  /** Leaves of the current evidence (every certificate input but the new one). */
  readonly currentLeaves: readonly CertificateRecord[];
}

export interface PreflightCheck {
  readonly id: string;
  run(context: PreflightContext): CheckResult;
}

export type PreflightVerdict = 'willWork' | 'willBreak';

export interface PreflightReport {
  readonly schema: typeof PREFLIGHT_SCHEMA;
  readonly generatedAt: string;
  readonly validationTime: string;
  readonly locale: string;
  readonly verdict: PreflightVerdict;
  readonly certificate: {
    readonly file: string;
    readonly sha1: string;
    readonly subject: string;
    readonly issuer: string;
    readonly notBefore: string;
    readonly notAfter: string;
    readonly dnsNames: readonly string[];
    readonly sendConnectorName: string;
  };
  /** Ids of the checks that failed (the "because…"), then those that warn. */
  readonly failed: readonly string[];
  readonly warnings: readonly string[];
  readonly checks: readonly CheckResult[];
  readonly inputs: readonly InputReport[];
}

/** Why no pre-flight could be made: the first path held no readable certificate. */
export interface PreflightError {
  readonly code: 'preflight.noCertificate';
  readonly params: { readonly file: string };
}
