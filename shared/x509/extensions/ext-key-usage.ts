import { itemsOf, type ExtensionDecoder } from './facts';
import { oidText } from '../name';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.12. Present without Client Authentication matters for 5.7.64 (domain.md §10). */
export const extKeyUsage: ExtensionDecoder = {
  oid: EXT.extKeyUsage,
  name: 'Enhanced Key Usage',
  decode(raw, facts) {
    facts.eku = itemsOf(raw)
      .filter((t) => t.tag === 0x06)
      .map((t) => oidText(raw.subarray(t.start, t.end)));
  },
};
