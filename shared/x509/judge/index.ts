import type { Finding } from '../../model/finding';
import type { JudgeContext, JudgeRule } from './rule';
import { missingIntermediate, rootIncluded, selfSignedLeaf, untrustedRoot } from './chain-ends';
import { alternativePath, signatureInvalid, unrelatedCertificate } from './chain-links';
import { wrongOrder } from './chain-order';
import { expired, expiresSoon, notYetValid } from './cert-validity';
import { weakKey, weakSignature } from './cert-strength';
import { nameMismatch, noClientAuthEku } from './cert-usage';
import { pathValidation } from './path-validation';

/** Registry of the chain and certificate rules (findings.md ids), grouped by what they judge. */
export const JUDGE_RULES: readonly JudgeRule[] = [
  // How the chosen path ends
  missingIntermediate,
  untrustedRoot,
  selfSignedLeaf,
  rootIncluded,
  // Links, extras and alternatives
  signatureInvalid,
  unrelatedCertificate,
  wrongOrder,
  alternativePath,
  // Each certificate of the chosen paths
  expired,
  notYetValid,
  expiresSoon,
  weakSignature,
  weakKey,
  // The leaf's names and usage
  nameMismatch,
  noClientAuthEku,
];

/** RFC 5280 §6 and CA/B Forum path rules: one judge for the many ids of validate/ (PATH_VIOLATION_IDS). */
export const PATH_VALIDATION_JUDGE = pathValidation;

export function judge(ctx: JudgeContext, rules: readonly JudgeRule[] = [...JUDGE_RULES, PATH_VALIDATION_JUDGE]): Finding[] {
  return rules.flatMap((r) => r.judge(ctx));
}

export type { JudgeContext, JudgeRule } from './rule';
