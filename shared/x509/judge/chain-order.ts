import type { Finding } from '../../model/finding';
import type { JudgeRule } from './rule';
import { finding } from './rule';

const ORDERED_FORMATS = new Set(['pem', 'base64', 'der', undefined]);

/**
 * A bundle not ordered leaf → issuer → … (RFC 8446 §4.4.2; Postfix and many relays send the file as it
 * is, domain.md §8). Only formats whose order means something are judged: PKCS#7, PKCS#12 and SST are sets.
 */
export const wrongOrder: JudgeRule = {
  id: 'chain.wrongOrder',
  judge: (ctx) => {
    const out: Finding[] = [];
    for (const ev of ctx.evidence) {
      if (!ORDERED_FORMATS.has(ev.format) || ev.certificates.length < 2) continue;
      // Where each certificate first appears in the file: one map per file, so that judging every chain costs
      // its own length, not the file's (a file of 25,000 certificates stays linear).
      const placeInFile = new Map<string, number>();
      ev.certificates.forEach((c, i) => {
        if (!placeInFile.has(c.sha256)) placeInFile.set(c.sha256, i);
      });
      for (const v of ctx.analysis.verdicts) {
        const pathOrder = v.best.nodes.map((n) => n.record.sha256);
        const onPathInPathOrder = v.best.nodes.filter((n) => placeInFile.has(n.record.sha256)).map((n) => n.record);
        const onPath = [...onPathInPathOrder].sort((a, b) => placeInFile.get(a.sha256)! - placeInFile.get(b.sha256)!);
        const indices = onPath.map((c) => pathOrder.indexOf(c.sha256));
        if (indices.length < 2 || indices.every((x, i) => i === 0 || x > indices[i - 1]!)) continue;
        const expected = onPathInPathOrder;
        out.push(
          finding('chain.wrongOrder', 'low',
            { file: ev.source, found: onPath.map((c) => c.subject), expected: expected.map((c) => c.subject) },
            [ev.source]),
        );
        break;
      }
    }
    return out;
  },
};
