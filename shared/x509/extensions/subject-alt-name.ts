import type { ExtensionDecoder } from './facts';
import { children, readTlv } from '../der';
import { toHex } from '../bytes';
import { EXT } from '../oids';

const latin1 = new TextDecoder('latin1');

/**
 * RFC 5280 §4.2.1.6: the DNS names Exchange Online compares with TlsSenderCertificateName. Read from the
 * raw octets with the TLV walker: it is linear, and it copes with certificates carrying thousands of names
 * where asn1js' node limit makes pkijs give up.
 */
export const subjectAltName: ExtensionDecoder = {
  oid: EXT.subjectAltName,
  name: 'Subject Alternative Name',
  decode(_parsed, facts, raw) {
    const seq = readTlv(raw);
    const names = seq && seq.tag === 0x30 ? children(raw, seq) : null;
    for (const n of names ?? []) {
      const value = raw.subarray(n.start, n.end);
      if (n.tag === 0x82) facts.dnsNames.push(latin1.decode(value));
      else if (n.tag === 0x81) facts.emails.push(latin1.decode(value));
      else if (n.tag === 0x87) {
        facts.ipAddresses.push(
          value.length === 4 ? Array.from(value).join('.') : (toHex(value).match(/.{4}/g) ?? []).join(':').toLowerCase(),
        );
      }
    }
  },
};
