import type { ExtensionDecoder } from './facts';
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
  decode(parsed, facts) {
    const view = (parsed as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
    if (!view) return;
    const out: string[] = [];
    BITS.forEach((name, i) => {
      const byte = view[i >> 3] ?? 0;
      if (byte & (0x80 >> (i & 7))) out.push(name);
    });
    facts.keyUsage = out;
  },
};
