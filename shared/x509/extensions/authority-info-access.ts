import type { ExtensionDecoder, GeneralNameLike } from './facts';
import { generalNameText } from './general-name';
import { AD_CA_ISSUERS, AD_OCSP, EXT } from '../oids';

/**
 * RFC 5280 §4.2.2.1: caIssuers URLs say where the issuer certificate can be downloaded. Exchange Online
 * does not follow them (domain.md §2), but they tell the admin exactly which intermediate to install.
 */
export const authorityInfoAccess: ExtensionDecoder = {
  oid: EXT.authorityInfoAccess,
  name: 'Authority Information Access',
  decode(parsed, facts) {
    const list = (parsed as { accessDescriptions?: unknown } | undefined)?.accessDescriptions;
    if (!Array.isArray(list)) return;
    for (const ad of list as Array<{ accessMethod?: unknown; accessLocation?: GeneralNameLike }>) {
      if (!ad.accessLocation || ad.accessLocation.type !== 6) continue;
      const url = generalNameText(ad.accessLocation);
      if (!url) continue;
      if (ad.accessMethod === AD_CA_ISSUERS) facts.aiaCaIssuers.push(url);
      else if (ad.accessMethod === AD_OCSP) facts.ocspUrls.push(url);
    }
  },
};
