import type { Finding } from '../../model/finding';

/**
 * One fact, one finding (issue 17 item 6): the same problem seen in two places — a connector name that matches
 * no name of the certificate, found by the settings cross-check and by the certificate analyzer — is one
 * finding with both references. The first id of each pair is kept.
 */
const SAME_FACT: ReadonlyArray<readonly [keep: string, fold: string]> = [['connector.nameMismatch', 'cert.nameMismatch']];

export function mergeSameFacts(findings: readonly Finding[]): Finding[] {
  let out = [...findings];
  for (const [keep, fold] of SAME_FACT) {
    const kept = out.find((f) => f.id === keep);
    const folded = out.filter((f) => f.id === fold);
    if (!kept || folded.length === 0) continue;
    const evidence = [...kept.evidence];
    for (const f of folded) for (const r of f.evidence) if (!evidence.includes(r)) evidence.push(r);
    out = out.filter((f) => f.id !== fold).map((f) => (f === kept ? { ...kept, evidence, params: { ...folded[0]!.params, ...kept.params } } : f));
  }
  return out;
}
