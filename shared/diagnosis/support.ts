import type { Cause } from '../model/cause';
import { CONFIDENCE_ORDER, isActionable, type Confidence, type Finding, type ParamValue, type Params } from '../model/finding';

/**
 * Small queries the cause rules share. Rules prefer finding ids and evidence references over finding params,
 * because params are the analyzers' business; where a param is read, the rule's JSDoc names it.
 */

/** The 5.7.64 symptom itself (findings.md smtp.tenantAttribution; ATTR36 has its own cause). */
export const ATTRIBUTION_FAILURE = 'smtp.tenantAttribution';

/**
 * The findings with one of `ids` that matter for a diagnosis: severity medium or above. Analyzers lower the
 * severity of facts that are noise for a mail relay (a CAPI2 800B0109 from code signing is `low`).
 */
export function withIds(findings: readonly Finding[], ids: readonly string[]): Finding[] {
  return findings.filter((f) => ids.includes(f.id) && isActionable(f));
}

export function hasAny(findings: readonly Finding[], ids: readonly string[]): boolean {
  return withIds(findings, ids).length > 0;
}

/** The weaker of two confidences (a cap: "at most likely"). */
export function atMost(confidence: Confidence, cap: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(confidence) >= CONFIDENCE_ORDER.indexOf(cap) ? confidence : cap;
}

/** The first string value of a param among the findings (a list contributes its first element). */
export function stringParam(findings: readonly Finding[], ...names: string[]): string | undefined {
  for (const name of names) {
    for (const f of findings) {
      const v = f.params[name];
      if (typeof v === 'string' && v !== '') return v;
      if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
    }
  }
  return undefined;
}

/** Every string of a param among the findings, de-duplicated, in order of appearance. */
export function listParam(findings: readonly Finding[], ...names: string[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    for (const name of names) {
      const v: ParamValue | undefined = f.params[name];
      const values = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as readonly string[]) : [];
      for (const s of values) if (s !== '' && !out.includes(s)) out.push(s);
    }
  }
  return out;
}

/** SHA-1 thumbprints named by `cert:<sha1>` evidence references, upper-case as Windows shows them. */
export function thumbprintsOf(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    for (const ref of f.evidence) {
      if (!ref.startsWith('cert:')) continue;
      const sha1 = ref.slice(5).toUpperCase();
      if (!out.includes(sha1)) out.push(sha1);
    }
  }
  return out;
}

/** Drops undefined and empty-list entries so a cause's params only hold what is known. */
export function compactParams(params: Record<string, ParamValue | undefined>): Params {
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Builds a Cause from the findings that support it: their ids (once each, in order) and the union of
 * their evidence references, plus any extra references the rule found in the evidence itself.
 */
export function makeCause(args: {
  id: string;
  confidence: Confidence;
  support: readonly Finding[];
  remediation: readonly string[];
  params?: Record<string, ParamValue | undefined>;
  extraEvidence?: readonly string[];
}): Cause {
  const ids: string[] = [];
  const evidence: string[] = [];
  for (const f of args.support) {
    if (!ids.includes(f.id)) ids.push(f.id);
    for (const ref of f.evidence) if (!evidence.includes(ref)) evidence.push(ref);
  }
  for (const ref of args.extraEvidence ?? []) if (!evidence.includes(ref)) evidence.push(ref);
  return {
    id: args.id,
    confidence: args.confidence,
    findings: ids,
    remediation: args.remediation,
    params: compactParams(args.params ?? {}),
    evidence,
  };
}

/** Every finding with one of `ids`, whatever its severity (a re-graded fact can still support a weak cause). */
export function anyWithIds(findings: readonly Finding[], ids: readonly string[]): Finding[] {
  return findings.filter((f) => ids.includes(f.id));
}
