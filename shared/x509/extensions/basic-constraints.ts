import type { ExtensionDecoder } from './facts';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.9: only a certificate with cA=TRUE may issue others; decides leaf vs CA. */
export const basicConstraints: ExtensionDecoder = {
  oid: EXT.basicConstraints,
  name: 'Basic Constraints',
  decode(parsed, facts) {
    const bc = parsed as { cA?: unknown; pathLenConstraint?: unknown } | undefined;
    facts.isCa = bc?.cA === true;
    const len = bc?.pathLenConstraint;
    if (typeof len === 'number') facts.pathLength = len;
    else if (len && typeof len === 'object' && 'valueBlock' in len) {
      const v = (len as { valueBlock: { valueDec?: number } }).valueBlock.valueDec;
      if (typeof v === 'number') facts.pathLength = v;
    }
  },
};
