import type { Confidence, Severity } from '../../model/finding';

/**
 * A finding that one reply or log note proves by its text (findings.md "SMTP conversations"). Matching is on
 * the stable parts Microsoft documents: the enhanced code plus its keyword, never the localized prose.
 */
export interface TextRule {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly test: RegExp;
  /** A text that matches `test` but belongs to another rule (ATTR36 is its own finding). */
  readonly unless?: RegExp;
}

export const TEXT_RULES: readonly TextRule[] = [
  // EOP attribution (domain.md §1.1)
  {
    id: 'smtp.tenantAttribution',
    severity: 'critical',
    confidence: 'certain',
    test: /\b5\.7\.64\b/,
    unless: /\bATTR36\b/i,
  },
  { id: 'smtp.attr36', severity: 'critical', confidence: 'certain', test: /\b5\.7\.64\b[^\n]*\bATTR36\b/i },
  { id: 'smtp.wrongRegion', severity: 'high', confidence: 'certain', test: /\b4\.4\.62\b/ },
  { id: 'smtp.directSendRejected', severity: 'high', confidence: 'certain', test: /\b5\.7\.68\b/ },
  { id: 'smtp.outdatedServer', severity: 'high', confidence: 'certain', test: /\b[45]\.7\.230\b/ },
  // Certificate and TLS trouble (domain.md §1.1, KB 4495258, SocketError KB)
  { id: 'smtp.untrustedRoot', severity: 'critical', confidence: 'certain', test: /\b4\.4\.317\b[^\n]*UntrustedRoot/i },
  {
    id: 'smtp.noCredentials',
    severity: 'critical',
    confidence: 'certain',
    test: /TLS negotiation failed with error NoCredentials/i,
  },
  {
    id: 'smtp.legacyTls',
    severity: 'high',
    confidence: 'likely',
    test: /TLS negotiation failed with error SocketError|\b4\.4\.2 Connection dropped due to SocketError/i,
  },
];

export function matchingRules(text: string, rules: readonly TextRule[] = TEXT_RULES): TextRule[] {
  return rules.filter((r) => r.test.test(text) && !(r.unless?.test(text) ?? false));
}
