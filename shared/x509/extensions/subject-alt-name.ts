import { itemsOf, ia5, type ExtensionDecoder } from './facts';
import { toHex } from '../bytes';
import { EXT } from '../oids';

/**
 * RFC 5280 §4.2.1.6: the DNS names Exchange Online compares with TlsSenderCertificateName. GeneralName
 * tags: [1] rfc822Name, [2] dNSName, [7] iPAddress (implicit, primitive).
 */
export const subjectAltName: ExtensionDecoder = {
  oid: EXT.subjectAltName,
  name: 'Subject Alternative Name',
  decode(raw, facts) {
    for (const n of itemsOf(raw)) {
      if (n.tag === 0x82) facts.dnsNames.push(ia5(raw, n));
      else if (n.tag === 0x81) facts.emails.push(ia5(raw, n));
      else if (n.tag === 0x87) {
        const value = raw.subarray(n.start, n.end);
        facts.ipAddresses.push(
          value.length === 4 ? Array.from(value).join('.') : (toHex(value).match(/.{4}/g) ?? []).join(':').toLowerCase(),
        );
      }
    }
  },
};
