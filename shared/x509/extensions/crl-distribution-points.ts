import { itemsOf, ia5, type ExtensionDecoder } from './facts';
import { EXT } from '../oids';

/**
 * RFC 5280 §4.2.1.13: CRL URLs, which the sending server must reach for revocation checks.
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames } … }.
 */
export const crlDistributionPoints: ExtensionDecoder = {
  oid: EXT.crlDistributionPoints,
  name: 'CRL Distribution Points',
  decode(raw, facts) {
    for (const point of itemsOf(raw)) {
      const name = itemsOf(raw, point).find((t) => t.tag === 0xa0);
      const full = name ? itemsOf(raw, name).find((t) => t.tag === 0xa0) : undefined;
      for (const g of full ? itemsOf(raw, full) : []) if (g.tag === 0x86) facts.crlUrls.push(ia5(raw, g));
    }
  },
};
