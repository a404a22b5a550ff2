import type { ExtensionDecoder } from './facts';
import { generalNameText, isGeneralNameList } from './general-name';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.13: CRL URLs, which the sending server must reach for revocation checks. */
export const crlDistributionPoints: ExtensionDecoder = {
  oid: EXT.crlDistributionPoints,
  name: 'CRL Distribution Points',
  decode(parsed, facts) {
    const points = (parsed as { distributionPoints?: unknown } | undefined)?.distributionPoints;
    if (!Array.isArray(points)) return;
    for (const p of points as Array<{ distributionPoint?: unknown }>) {
      if (!isGeneralNameList(p.distributionPoint)) continue;
      for (const n of p.distributionPoint) {
        const url = n.type === 6 ? generalNameText(n) : null;
        if (url) facts.crlUrls.push(url);
      }
    }
  },
};
