import { err, ok, type Result } from '../result';
import { tooLargeBytes, type InputError, type InputWarning } from '../model/input';
import type { CertificateFormat, CertificateRecord } from './types';
import { decodeCertificate } from './decode-certificate';
import { parseRawCertificate } from './parse/x509';
import { sniffBinary } from './formats/sniff';
import { BASE64_PREFIX_BYTES, bareBase64, base64Prefix, hasPemArmour, mayHoldPemArmour, pemBlocks } from './formats/pem';
import { TEXT_HEAD_BYTES, bytesToText, looksLikeText, textHead } from './formats/text';
import { pkcs7Certificates } from './formats/pkcs7';
import { readPkcs12, type KeyHint } from './formats/pkcs12';
import { publicPartOfCertificate } from './formats/pkcs12-keys';
import { sstCertificates } from './formats/sst';

/** Certificate files are small; anything larger is refused before any parser runs (issue 3, bad input). */
export const MAX_CERTIFICATE_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The most certificates one file may hold. A machine's whole root store exported as .sst is a few hundred;
 * a set of tens of thousands is an attack on memory (each becomes a chain, a row, findings), refused with
 * `input.tooManyCertificates` before anything is decoded (issue 19 item 4).
 */
export const MAX_CERTIFICATES_PER_FILE = 5_000;

export interface CertificateReadResult {
  readonly format: CertificateFormat;
  readonly certificates: readonly CertificateRecord[];
  /** SHA-1 of the certificate whose private key the PKCS#12 file held (the key is never kept). */
  readonly privateKeyFor?: string;
  readonly damaged: number;
  readonly warnings: readonly InputWarning[];
}

/** The format by content alone (signatures beat file names); null when it is none of ours. */
export function detectCertificateFormat(bytes: Uint8Array): CertificateFormat | null {
  const binary = sniffBinary(bytes);
  if (binary === 'certificate') return 'der';
  if (binary) return binary;
  if (!looksLikeText(bytes)) return null;
  // Every input of an analysis is sniffed here, logs of 10 MB included: UTF-8 text is searched for armour as
  // bytes and only the start that base64Prefix reads is decoded (decoding the whole megabyte of head was a
  // tenth of reading a folder of SMTP logs). UTF-16 text, and text that may hold armour, are decoded as before.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const armourPossible = utf16 || mayHoldPemArmour(bytes.subarray(0, TEXT_HEAD_BYTES));
  const head = armourPossible ? textHead(bytes) : bytesToText(bytes.subarray(0, BASE64_PREFIX_BYTES));
  if (armourPossible && hasPemArmour(head)) return 'pem';
  const raw = base64Prefix(head);
  if (raw && sniffBinary(raw)) return 'base64';
  return null;
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);

interface Collected {
  ders: Uint8Array[];
  damaged: number;
  warnings: InputWarning[];
  format: CertificateFormat;
}

function fromPem(text: string): Collected {
  const out: Collected = { ders: [], damaged: 0, warnings: [], format: 'pem' };
  let pkcs7Only = true;
  for (const block of pemBlocks(text)) {
    if (!block.der) {
      out.damaged++;
      out.warnings.push({ code: 'x509.pem.badBlock', params: { label: block.label } });
    } else if (CERT_LABELS.has(block.label) && sniffBinary(block.der) !== 'pkcs7') {
      pkcs7Only = false;
      out.ders.push(block.der);
    } else if (PKCS7_LABELS.has(block.label) || CERT_LABELS.has(block.label)) {
      // AD CS web enrollment hands out its "Base 64 encoded" chain (certnew.p7b) as PKCS#7 inside
      // CERTIFICATE armour; the content decides.
      const certs = pkcs7Certificates(block.der);
      if (certs) out.ders.push(...certs);
      else out.damaged++;
    } else if (block.label.includes('PRIVATE KEY')) {
      out.warnings.push({ code: 'x509.pem.privateKeyIgnored' });
    } else {
      out.warnings.push({ code: 'x509.pem.skippedBlock', params: { label: block.label } });
    }
  }
  if (pkcs7Only && out.ders.length > 0) out.format = 'pkcs7';
  return out;
}

function fromBinary(bytes: Uint8Array, format: CertificateFormat): Collected | null {
  if (format === 'der') return { ders: [bytes], damaged: 0, warnings: [], format };
  if (format === 'pkcs7') {
    const certs = pkcs7Certificates(bytes);
    return certs ? { ders: certs, damaged: 0, warnings: [], format } : null;
  }
  if (format === 'sst') {
    const sst = sstCertificates(bytes);
    const warnings: InputWarning[] = sst.damaged ? [{ code: 'x509.sst.truncated' }] : [];
    return { ders: sst.certificates, damaged: sst.damaged, warnings, format };
  }
  return null;
}

function keyOwner(records: readonly CertificateRecord[], ders: readonly Uint8Array[], keys: readonly KeyHint[],
  keyIds: readonly (string | null)[]): string | undefined {
  const parts = new Set(keys.map((k) => k.publicPart).filter((p): p is string => p !== null));
  const ids = new Set(keys.map((k) => k.localKeyId).filter((p): p is string => p !== null));
  const matches = records.filter((r, i) => {
    const cert = parseRawCertificate(ders[i]!);
    const part = cert ? publicPartOfCertificate(cert) : null;
    return (part !== null && parts.has(part)) || (keyIds[i] != null && ids.has(keyIds[i]!));
  });
  return (matches.find((r) => !r.isCa) ?? matches[0])?.sha1;
}

/**
 * Reads any certificate file Relay Doctor knows — DER, PEM (bundles, CRLF, text around blocks), Base64
 * without armour, PKCS#7, PKCS#12 (with password) and Windows .sst — into decoded records. One unreadable
 * certificate in a bundle is counted in `damaged`; the file fails only when nothing usable is left.
 */
export async function readCertificateBytes(
  name: string,
  bytes: Uint8Array,
  password?: string,
): Promise<Result<CertificateReadResult, InputError>> {
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) {
    return err(tooLargeBytes(MAX_CERTIFICATE_FILE_BYTES));
  }
  const format = detectCertificateFormat(bytes);
  if (!format) {
    // A certificate extension on DER-looking bytes is a damaged certificate file, not a foreign one.
    const known = /\.(cer|crt|der|pem|p7b|p7c|pfx|p12|sst)$/i.test(name);
    return err({ code: known && bytes[0] === 0x30 ? 'input.damaged' : 'input.unrecognized' });
  }
  let collected: Collected | null;
  let keys: readonly KeyHint[] = [];
  let keyIds: (string | null)[] = [];
  if (format === 'pkcs12') {
    const pfx = await readPkcs12(bytes, password);
    if (!pfx.ok) return pfx;
    collected = { ders: pfx.value.certificates.map((c) => c.der), damaged: 0, warnings: [...pfx.value.warnings], format };
    keys = pfx.value.keys;
    keyIds = pfx.value.certificates.map((c) => c.localKeyId);
  } else if (format === 'pem') {
    collected = fromPem(bytesToText(bytes));
  } else if (format === 'base64') {
    const raw = bareBase64(bytesToText(bytes));
    const inner = raw ? sniffBinary(raw) : null;
    collected = raw && inner ? fromBinary(raw, inner === 'certificate' ? 'der' : inner) : null;
    if (collected) collected.format = 'base64';
  } else {
    collected = fromBinary(bytes, format);
  }
  if (!collected) return err({ code: 'input.damaged' });
  if (collected.ders.length > MAX_CERTIFICATES_PER_FILE) {
    return err({ code: 'input.tooManyCertificates', params: { count: collected.ders.length, limit: MAX_CERTIFICATES_PER_FILE } });
  }

  const certificates: CertificateRecord[] = [];
  const keptDers: Uint8Array[] = [];
  const keptIds: (string | null)[] = [];
  let damaged = collected.damaged;
  collected.ders.forEach((der, i) => {
    const r = decodeCertificate(der);
    if (r.ok) {
      certificates.push(r.value);
      keptDers.push(der);
      keptIds.push(keyIds[i] ?? null);
    } else {
      damaged++;
      collected.warnings.push({ code: 'x509.certificate.damaged', params: { index: i + 1 } });
    }
  });
  if (certificates.length === 0) {
    return err({ code: damaged > 0 || format !== 'pem' ? 'input.damaged' : 'input.unrecognized' });
  }
  const privateKeyFor = keys.length ? keyOwner(certificates, keptDers, keys, keptIds) : undefined;
  return ok({
    format: collected.format,
    certificates,
    ...(privateKeyFor ? { privateKeyFor } : {}),
    damaged,
    warnings: collected.warnings,
  });
}
