import type { CandidatePath } from './paths';

/** Why a candidate path lost to the chosen one (i18n: `chain.alternativePath.reason.<code>`). */
export type AlternativeReason = 'lessTrusted' | 'signatureInvalid' | 'ruleViolations' | 'timeInvalid' | 'shorter' | 'longer' | 'expiresSooner' | 'equivalent';

const END_RANK = { trusted: 2, selfSigned: 1, missingIssuer: 0 } as const;

function invalidLinks(p: CandidatePath): number {
  return p.links.filter((l) => l === 'invalid').length;
}

function timeInvalid(p: CandidatePath, now: number): number {
  return p.nodes.filter((n) => Date.parse(n.record.notBefore) > now || Date.parse(n.record.notAfter) < now).length;
}

function earliestExpiry(p: CandidatePath): number {
  return Math.min(...p.nodes.map((n) => Date.parse(n.record.notAfter)));
}

/**
 * Compares two paths; negative when `a` is better. Order: reaches a trust anchor > ends at a root >
 * breaks off; then fewer bad signatures; then fewer broken path validation rules (RFC 4158 §3: a builder
 * prefers the path that validates, as CryptoAPI prefers the chain with the fewest errors); then fewer certificates outside their validity; then, among
 * complete paths the shorter and among broken ones the longer (it gets closer to a root); then the
 * one that stays valid longer. The last key makes the choice independent of input order.
 */
export function comparePaths(
  a: CandidatePath,
  b: CandidatePath,
  now: number,
  violations: (p: CandidatePath) => number = () => 0,
): { order: number; reason: AlternativeReason } {
  const steps: Array<[number, AlternativeReason]> = [
    [END_RANK[b.end] - END_RANK[a.end], 'lessTrusted'],
    [invalidLinks(a) - invalidLinks(b), 'signatureInvalid'],
    [violations(a) - violations(b), 'ruleViolations'],
    [timeInvalid(a, now) - timeInvalid(b, now), 'timeInvalid'],
    a.end === 'missingIssuer'
      ? [b.nodes.length - a.nodes.length, 'shorter']
      : [a.nodes.length - b.nodes.length, 'longer'],
    [earliestExpiry(b) - earliestExpiry(a), 'expiresSooner'],
  ];
  for (const [order, reason] of steps) if (order !== 0) return { order, reason };
  const ka = a.nodes.map((n) => n.record.sha256).join();
  const kb = b.nodes.map((n) => n.record.sha256).join();
  return { order: ka < kb ? -1 : ka > kb ? 1 : 0, reason: 'equivalent' };
}

export interface ChosenPath {
  readonly best: CandidatePath;
  readonly alternatives: ReadonlyArray<{ readonly path: CandidatePath; readonly reason: AlternativeReason }>;
}

/** Picks the best path and says, for each other one, on which criterion it lost. */
export function choosePath(paths: readonly CandidatePath[], now: Date, violations?: (p: CandidatePath) => number): ChosenPath {
  // Whole seconds, as cert-validity.ts judges validity.
  const t = Math.floor(now.getTime() / 1000) * 1000;
  const sorted = [...paths].sort((a, b) => comparePaths(a, b, t, violations).order);
  const best = sorted[0]!;
  return { best, alternatives: sorted.slice(1).map((path) => ({ path, reason: comparePaths(path, best, t, violations).reason })) };
}
