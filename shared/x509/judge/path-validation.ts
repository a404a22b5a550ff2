import type { Finding } from '../../model/finding';
import { HIGH_VIOLATIONS, PATH_VIOLATION_IDS } from '../validate/index';
import type { JudgeRule } from './rule';
import { finding, positionOf, refsOf } from './rule';

/**
 * The path validation rules (validate/) broken by each chosen path, one finding per rule and certificate, on the
 * certificate concerned: its thumbprint, subject and position, plus what the rule found. Critical, because a
 * chain that breaks them is refused by a strict validator; the few BR deviations Exchange Online is not known to
 * refuse are high (validate/index.ts HIGH_VIOLATIONS).
 */
export const pathValidation: JudgeRule & { readonly ids: readonly string[] } = {
  id: 'x509.pathValidation',
  ids: PATH_VIOLATION_IDS,
  judge: (ctx) => {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const v of ctx.analysis.verdicts) {
      for (const violation of v.violations) {
        const record = v.best.nodes[violation.index]!.record;
        const key = `${violation.id}>${record.sha256}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          finding(violation.id, HIGH_VIOLATIONS.has(violation.id) ? 'high' : 'critical',
            { ...violation.params, position: positionOf(v.best, violation.index), index: violation.index,
              subject: record.subject, sha1: record.sha1, leaf: v.leaf.record.subject },
            refsOf(ctx, record)),
        );
      }
    }
    return out;
  },
};
