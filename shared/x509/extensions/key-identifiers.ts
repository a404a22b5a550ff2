import { itemsOf, type ExtensionDecoder } from './facts';
import { readTlv } from '../der';
import { EXT } from '../oids';
import { toHex } from '../bytes';

/** RFC 5280 §4.2.1.2: links a certificate to the ones it issued (with AKI), beside the names. */
export const subjectKeyIdentifier: ExtensionDecoder = {
  oid: EXT.subjectKeyIdentifier,
  name: 'Subject Key Identifier',
  decode(raw, facts) {
    const t = readTlv(raw);
    if (t && t.tag === 0x04 && t.end > t.start) facts.subjectKeyId = toHex(raw.subarray(t.start, t.end));
  },
};

/** RFC 5280 §4.2.1.1: which key signed this certificate; tells renewed CAs of the same name apart. */
export const authorityKeyIdentifier: ExtensionDecoder = {
  oid: EXT.authorityKeyIdentifier,
  name: 'Authority Key Identifier',
  decode(raw, facts) {
    const id = itemsOf(raw).find((t) => t.tag === 0x80);
    if (id && id.end > id.start) facts.authorityKeyId = toHex(raw.subarray(id.start, id.end));
  },
};
