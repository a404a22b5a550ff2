import { isActionable, type Confidence, type Params, type Severity } from '../model/finding';

/**
 * Before/after (issue 6 item 5): two analyses of the same relay, e.g. two case files or two reports, compared
 * as fixed / still failing / new. Causes are matched by id. Findings are matched by id and the certificate
 * they are about (`sha1`, `leafSha1` or `thumbprint` param), because file names and line numbers change
 * between two collections while the certificate does not. Only findings of severity medium or above count.
 */
export interface ComparableAnalysis {
  readonly findings: ReadonlyArray<{ readonly id: string; readonly severity: Severity; readonly params: Params }>;
  readonly causes: ReadonlyArray<{ readonly id: string; readonly confidence: Confidence }>;
}

export interface CauseChange {
  readonly id: string;
  readonly before?: Confidence;
  readonly after?: Confidence;
}

export interface FindingChange {
  readonly id: string;
  /** The certificate the finding is about, when it names one. */
  readonly subject?: string;
  readonly severity: Severity;
}

export interface Changes<T> {
  readonly fixed: readonly T[];
  readonly stillFailing: readonly T[];
  readonly new: readonly T[];
}

/** `fixed`: nothing wrong remains; `improved`: some fixed, nothing new; `worse`: only new; `mixed`: both. */
export type ComparisonOutcome = 'fixed' | 'improved' | 'unchanged' | 'worse' | 'mixed';

export interface Comparison {
  readonly outcome: ComparisonOutcome;
  readonly causes: Changes<CauseChange>;
  readonly findings: Changes<FindingChange>;
}

export function compareAnalyses(before: ComparableAnalysis, after: ComparableAnalysis): Comparison {
  const causes = split(
    new Map(before.causes.map((c) => [c.id, c])),
    new Map(after.causes.map((c) => [c.id, c])),
    (id, b, a) => ({ id, ...(b ? { before: b.confidence } : {}), ...(a ? { after: a.confidence } : {}) }),
  );
  const findings = split(findingMap(before), findingMap(after), (_key, b, a) => {
    const f = (a ?? b)!;
    const subject = subjectOf(f.params);
    return { id: f.id, ...(subject ? { subject } : {}), severity: f.severity };
  });
  const fixedCount = causes.fixed.length + findings.fixed.length;
  const newCount = causes.new.length + findings.new.length;
  const remaining = causes.stillFailing.length + findings.stillFailing.length + newCount;
  const outcome: ComparisonOutcome =
    fixedCount > 0 && remaining === 0
      ? 'fixed'
      : fixedCount > 0 && newCount > 0
        ? 'mixed'
        : fixedCount > 0
          ? 'improved'
          : newCount > 0
            ? 'worse'
            : 'unchanged';
  return { outcome, causes, findings };
}

type AnyFinding = ComparableAnalysis['findings'][number];

function subjectOf(params: Params): string | undefined {
  for (const name of ['sha1', 'leafSha1', 'thumbprint']) {
    const v = params[name];
    if (typeof v === 'string' && v !== '') return v.toUpperCase();
  }
  return undefined;
}

function findingMap(analysis: ComparableAnalysis): Map<string, AnyFinding> {
  const out = new Map<string, AnyFinding>();
  for (const f of analysis.findings) if (isActionable(f)) out.set(`${f.id}\u0000${subjectOf(f.params) ?? ''}`, f);
  return out;
}

function split<V, T>(before: Map<string, V>, after: Map<string, V>, make: (key: string, b?: V, a?: V) => T): Changes<T> {
  const fixed: T[] = [];
  const stillFailing: T[] = [];
  const added: T[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (a) stillFailing.push(make(key, b, a));
    else fixed.push(make(key, b, undefined));
  }
  for (const [key, a] of after) if (!before.has(key)) added.push(make(key, undefined, a));
  return { fixed, stillFailing, new: added };
}
