import { itemsOf, ia5, type ExtensionDecoder } from './facts';
import { oidText } from '../name';
import { AD_CA_ISSUERS, AD_OCSP, EXT } from '../oids';

/**
 * RFC 5280 §4.2.2.1: caIssuers URLs say where the issuer certificate can be downloaded. Exchange Online
 * does not follow them (domain.md §2), but they tell the admin exactly which intermediate to install.
 */
export const authorityInfoAccess: ExtensionDecoder = {
  oid: EXT.authorityInfoAccess,
  name: 'Authority Information Access',
  decode(raw, facts) {
    for (const ad of itemsOf(raw)) {
      const [method, location] = itemsOf(raw, ad);
      if (!method || method.tag !== 0x06 || !location || location.tag !== 0x86) continue;
      const oid = oidText(raw.subarray(method.start, method.end));
      if (oid === AD_CA_ISSUERS) facts.aiaCaIssuers.push(ia5(raw, location));
      else if (oid === AD_OCSP) facts.ocspUrls.push(ia5(raw, location));
    }
  },
};
