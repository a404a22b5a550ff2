import { itemsOf, type ExtensionDecoder } from './facts';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.9: only a certificate with cA=TRUE may issue others; decides leaf vs CA. */
export const basicConstraints: ExtensionDecoder = {
  oid: EXT.basicConstraints,
  name: 'Basic Constraints',
  decode(raw, facts) {
    for (const t of itemsOf(raw)) {
      if (t.tag === 0x01) facts.isCa = raw[t.start] !== 0;
      else if (t.tag === 0x02 && t.end - t.start <= 4) {
        let v = 0;
        for (let i = t.start; i < t.end; i++) v = v * 256 + raw[i]!;
        facts.pathLength = v;
      }
    }
  },
};
