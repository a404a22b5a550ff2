import { err, ok } from '../result';
import type { Reader } from '../model/reader';
import type { InputFile } from '../model/input';
import type { CertificateFormat } from './types';
import { detectCertificateFormat, readCertificateBytes } from './read-certificate-bytes';

// Every certificate reader sniffs the same bytes; detect once per input.
const detected = new WeakMap<Uint8Array, CertificateFormat | null>();
function formatOf(input: InputFile): CertificateFormat | null {
  if (!detected.has(input.bytes)) detected.set(input.bytes, detectCertificateFormat(input.bytes));
  return detected.get(input.bytes) ?? null;
}

/**
 * A reader for some certificate formats. Content signatures score 3 (bare Base64 2, as other text could
 * look like it); a certificate file extension alone scores 1, so content always wins over the name.
 * Generic extensions (.txt, .bin) are left to content sniffing, so other readers keep their text files.
 */
function certificateReader(id: string, formats: readonly CertificateFormat[], names: RegExp): Reader {
  return {
    id,
    kind: 'certificates',
    sniff(input) {
      const format = formatOf(input);
      if (format && formats.includes(format)) return format === 'base64' ? 2 : 3;
      return format === null && names.test(input.name) ? 1 : 0;
    },
    async read(input, options) {
      const r = await readCertificateBytes(input.name, input.bytes, options.password);
      if (!r.ok) return err(r.error);
      const v = r.value;
      return ok({
        evidence: [
          {
            kind: 'certificates',
            id: `certificates:${input.name}`,
            source: input.name,
            origin: 'file',
            format: v.format,
            certificates: v.certificates,
            ...(v.privateKeyFor ? { privateKeyFor: v.privateKeyFor } : {}),
          },
        ],
        items: v.certificates.length,
        ...(v.damaged ? { damaged: v.damaged } : {}),
        ...(v.warnings.length ? { warnings: v.warnings } : {}),
      });
    },
  };
}

/** The certificate readers, registered in shared/engine/readers.ts. */
export const CERTIFICATE_READERS: readonly Reader[] = [
  certificateReader('x509.der', ['der'], /\.(cer|crt|der)$/i),
  certificateReader('x509.pem', ['pem', 'base64'], /\.(pem|crt|cer)$/i),
  certificateReader('x509.pkcs7', ['pkcs7'], /\.(p7b|p7c|spc)$/i),
  certificateReader('x509.pkcs12', ['pkcs12'], /\.(pfx|p12)$/i),
  certificateReader('x509.sst', ['sst'], /\.sst$/i),
];
