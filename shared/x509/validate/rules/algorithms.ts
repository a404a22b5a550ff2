import { EC_CURVE_BITS, KEY_EC, KEY_RSA, KEY_RSA_PSS } from '../../oids';
import { sameBytes } from '../hostname';
import { isRoot, isVettedRoot, type PathRule, type Violation } from '../path-rule';

/** BRs 6.1.5 and 7.1.3: RSA keys, and ECDSA keys on P-256, P-384 or P-521. */
const ALLOWED_CURVES = new Set(['P-256', 'P-384', 'P-521']);

/**
 * BRs 7.1.3.2: RSASSA-PKCS1-v1_5 or RSASSA-PSS with SHA-256/384/512, ECDSA with SHA-256/384/512. SHA-1 (and
 * its RSA and ECDSA forms) is reported by cert.weakSignature (high): CryptoAPI still builds SHA-1 chains for
 * non-browser callers. MD2, MD5, DSA and Ed25519 are refused: Schannel does not accept MD5/MD2 chains under TLS
 * 1.2 (KB 3027536, domain.md §2) and has no DSA or Ed25519 certificate support for TLS.
 */
const ALLOWED_SIGNATURES = new Set([
  '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13', '1.2.840.113549.1.1.10',
  '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
  // SHA-1 forms (with the old OIW sha1WithRSASignature): left to cert.weakSignature.
  '1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.3.14.3.2.29',
]);

/**
 * RFC 5280 §4.1.1.2: the signatureAlgorithm outside tbsCertificate MUST equal the signature field inside it;
 * the keys and signatures of the path use algorithms the BRs allow.
 */
/**
 * Windows refuses RSA keys under 1024 bits in any chain (KB 2661254, "Update for minimum certificate key length",
 * https://support.microsoft.com/kb/2661254): critical. 1024 to 2047 bits stays cert.weakKey (high), which the BRs
 * (6.1.5) also forbid but Windows still builds.
 */
const WINDOWS_MIN_RSA_BITS = 1024;

export const algorithmsRule: PathRule = {
  ids: ['cert.signatureAlgorithmMismatch', 'cert.keyAlgorithmNotAllowed', 'cert.keyTooSmall', 'cert.signatureAlgorithmNotAllowed'],
  check(p) {
    const out: Violation[] = [];
    p.profiles.forEach((profile, i) => {
      if (isVettedRoot(p, i)) return;
      const raw = profile.raw;
      if (!sameBytes(raw.signatureAlgorithm, raw.tbsSignatureAlgorithm)) out.push({ id: 'cert.signatureAlgorithmMismatch', index: i });
      const curve = raw.keyParamOid ? EC_CURVE_BITS[raw.keyParamOid]?.name : undefined;
      const keyAllowed = raw.keyOid === KEY_RSA || raw.keyOid === KEY_RSA_PSS || (raw.keyOid === KEY_EC && !!curve && ALLOWED_CURVES.has(curve));
      const rsaBits = profile.record.publicKey.algorithm === 'RSA' ? profile.record.publicKey.bits : 0;
      if (!keyAllowed) {
        out.push({ id: 'cert.keyAlgorithmNotAllowed', index: i,
          params: { algorithm: curve ?? profile.record.publicKey.name ?? profile.record.publicKey.algorithm } });
      } else if (rsaBits > 0 && rsaBits % 8 !== 0) {
        // BRs 6.1.5: the modulus size in bits MUST be a multiple of 8.
        out.push({ id: 'cert.keyAlgorithmNotAllowed', index: i, params: { algorithm: `RSA ${rsaBits}-bit` } });
      }
      if (rsaBits > 0 && rsaBits < WINDOWS_MIN_RSA_BITS && !isRoot(p, i)) {
        out.push({ id: 'cert.keyTooSmall', index: i, params: { bits: rsaBits, minimum: WINDOWS_MIN_RSA_BITS } });
      }
      // A root's own signature is never checked (RFC 5280 §6.1: the trust anchor is not verified), nor is a lone
      // self-signed certificate's (chain.selfSignedLeaf says what is wrong with it).
      const selfSignedLeaf = i === 0 && profile.record.selfSigned;
      if (!isRoot(p, i) && !selfSignedLeaf && !ALLOWED_SIGNATURES.has(raw.signatureOid)) {
        out.push({ id: 'cert.signatureAlgorithmNotAllowed', index: i, params: { algorithm: profile.record.signatureAlgorithm } });
      }
    });
    return out;
  },
};
