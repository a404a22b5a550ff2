import type { ExtensionDecoder } from './facts';
import { EXT } from '../oids';
import { toHex } from '../bytes';

function octets(value: unknown): string | undefined {
  const view = (value as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
  return view && view.length ? toHex(view) : undefined;
}

/** RFC 5280 §4.2.1.2: links a certificate to the ones it issued (with AKI), beside the names. */
export const subjectKeyIdentifier: ExtensionDecoder = {
  oid: EXT.subjectKeyIdentifier,
  name: 'Subject Key Identifier',
  decode(parsed, facts) {
    const id = octets(parsed);
    if (id) facts.subjectKeyId = id;
  },
};

/** RFC 5280 §4.2.1.1: which key signed this certificate; tells renewed CAs of the same name apart. */
export const authorityKeyIdentifier: ExtensionDecoder = {
  oid: EXT.authorityKeyIdentifier,
  name: 'Authority Key Identifier',
  decode(parsed, facts) {
    const id = octets((parsed as { keyIdentifier?: unknown } | undefined)?.keyIdentifier);
    if (id) facts.authorityKeyId = id;
  },
};
