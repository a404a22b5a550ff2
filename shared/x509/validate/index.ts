import type { CandidatePath } from '../chain/paths';
import { profileOf, type CertificateProfile } from '../profile/certificate-profile';
import type { PathRule, PathUnderTest, Violation } from './path-rule';
import { algorithmsRule } from './rules/algorithms';
import { basicConstraintsRule } from './rules/basic-constraints';
import { commonNameRule } from './rules/common-name';
import { depthRule } from './rules/depth';
import { extensionsRule } from './rules/extensions';
import { keyIdentifiersRule } from './rules/key-identifiers';
import { keyUsageRule } from './rules/key-usage';
import { nameConstraintsRule } from './rules/name-constraints';
import { namesRule } from './rules/names';
import { policiesRule } from './rules/policies';
import { serialVersionRule } from './rules/serial-version';

/**
 * Registry of path validation rules (RFC 5280 §6 and the CA/B Forum BRs for TLS server certificates). Time
 * validity, signatures, the trust anchor and the peer name are judged by the existing chain rules (judge/).
 */
export const PATH_RULES: readonly PathRule[] = [
  basicConstraintsRule,
  keyUsageRule,
  nameConstraintsRule,
  policiesRule,
  extensionsRule,
  keyIdentifiersRule,
  namesRule,
  commonNameRule,
  serialVersionRule,
  algorithmsRule,
  depthRule,
];

/** Every id the path rules can report. */
export const PATH_VIOLATION_IDS: readonly string[] = PATH_RULES.flatMap((r) => r.ids);

/** Ids reported as `high`: a deviation from the BRs Exchange Online is not known to refuse. */
export const HIGH_VIOLATIONS: ReadonlySet<string> = new Set(['cert.noSubjectAltName', 'cert.commonNameNotInSan']);

export interface PathValidationOptions {
  readonly maxIntermediates?: number;
}

/** The violations of one candidate path; a certificate whose DER cannot be walked again is left unjudged. */
export function validatePath(path: CandidatePath, options: PathValidationOptions = {}): Violation[] {
  const profiles = path.nodes.map((n) => profileOf(n.record));
  if (profiles.some((x) => x === null)) return [];
  const p: PathUnderTest = {
    path,
    profiles: profiles as CertificateProfile[],
    ...(options.maxIntermediates !== undefined ? { maxIntermediates: options.maxIntermediates } : {}),
  };
  return PATH_RULES.flatMap((r) => r.check(p));
}

export type { Violation } from './path-rule';
