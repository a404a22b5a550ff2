import type { ExtensionDecoder } from './facts';
import { readTlv } from '../der';
import { EXT } from '../oids';

const BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** RFC 5280 §4.2.1.3, shown in the certificate details. */
export const keyUsage: ExtensionDecoder = {
  oid: EXT.keyUsage,
  name: 'Key Usage',
  decode(raw, facts) {
    const t = readTlv(raw);
    if (!t || t.tag !== 0x03) return;
    const bits = raw.subarray(t.start + 1, t.end); // skip the unused-bits octet
    facts.keyUsage = BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
  },
};
