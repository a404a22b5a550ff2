/**
 * Findings are facts about the evidence, keyed by the stable ids of findings.md. They carry params and
 * evidence references, never text: titles and details come from the i18n catalogs (`<id>.title`,
 * `<id>.detail`) in the report's locale.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Confidence = 'certain' | 'likely' | 'possible';

/** A finding or cause parameter; lists are allowed (AIA URLs, SANs). */
export type ParamValue = string | number | boolean | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * What proves a finding, as a string reference the UI can resolve and the report prints:
 * - `<file>`                 the whole input
 * - `cert:<sha1>`            one certificate
 * - `<file>#L<line>`         a log line (1-based)
 * - `<file>#record:<id>`     an event record
 * - `<file>#message:<n>`     one message of an NDR input
 */
export type EvidenceRef = string;

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly params: Params;
  readonly evidence: readonly EvidenceRef[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const CONFIDENCE_ORDER: readonly Confidence[] = ['certain', 'likely', 'possible'];

/** True when the finding should make `relay-doctor analyze` exit 1 (findings.md: medium or above). */
export function isActionable(finding: Pick<Finding, 'severity'>): boolean {
  return SEVERITY_ORDER.indexOf(finding.severity) <= SEVERITY_ORDER.indexOf('medium');
}
