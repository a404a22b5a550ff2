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
      const inFile = [...new Map(ev.certificates.map((c) => [c.sha256, c])).values()];
      for (const v of ctx.analysis.verdicts) {
        const order = v.best.nodes.map((n) => n.record.sha256);
        const onPath = inFile.filter((c) => order.includes(c.sha256));
        const indices = onPath.map((c) => order.indexOf(c.sha256));
        if (indices.length < 2 || indices.every((x, i) => i === 0 || x > indices[i - 1]!)) continue;
        const expected = [...onPath].sort((a, b) => order.indexOf(a.sha256) - order.indexOf(b.sha256));
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
