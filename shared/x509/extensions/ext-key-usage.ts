import type { ExtensionDecoder } from './facts';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.12. Present without Client Authentication matters for 5.7.64 (domain.md §10). */
export const extKeyUsage: ExtensionDecoder = {
  oid: EXT.extKeyUsage,
  name: 'Enhanced Key Usage',
  decode(parsed, facts) {
    const purposes = (parsed as { keyPurposes?: unknown } | undefined)?.keyPurposes;
    facts.eku = Array.isArray(purposes) ? purposes.filter((p): p is string => typeof p === 'string') : [];
  },
};
