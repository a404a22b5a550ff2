import { children, readTlv } from '../der';
import { oidText } from '../name';
import { EC_CURVE_BITS, KEY_EC, KEY_RSA, KEY_RSA_PSS } from '../oids';
import type { RawCertificate } from '../parse/x509';

const HASH_OIDS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const RSA_PKCS1: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const RSA_PSS = '1.2.840.113549.1.1.10';
const ED25519 = '1.3.101.112';

/** ECDSA-Sig-Value (SEQUENCE { r, s }) → the fixed-size r‖s WebCrypto verifies. */
function ecdsaRaw(sig: Uint8Array, size: number): Uint8Array | null {
  const seq = readTlv(sig);
  const [r, s] = seq ? (children(sig, seq) ?? []) : [];
  if (!r || !s) return null;
  const out = new Uint8Array(size * 2);
  for (const [i, t] of [r, s].entries()) {
    let v = sig.subarray(t.start, t.end);
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    if (v.length > size) return null;
    out.set(v, i * size + (size - v.length));
  }
  return out;
}

/** RSASSA-PSS-params (RFC 4055 §3.1): hash [0] (default SHA-1) and saltLength [2] (default 20). */
function pssParams(alg: Uint8Array): { hash: string; saltLength: number } | null {
  const seq = readTlv(alg);
  const params = seq ? children(alg, seq)?.[1] : undefined;
  let hash = 'SHA-1';
  let saltLength = 20;
  for (const t of params ? (children(alg, params) ?? []) : []) {
    const inner = readTlv(alg, t.start);
    if (t.tag === 0xa0 && inner) {
      const oid = children(alg, inner)?.[0];
      const name = oid ? HASH_OIDS[oidText(alg.subarray(oid.start, oid.end))] : undefined;
      if (!name) return null;
      hash = name;
    } else if (t.tag === 0xa2 && inner && inner.tag === 0x02) {
      saltLength = 0;
      for (let i = inner.start; i < inner.end; i++) saltLength = saltLength * 256 + alg[i]!;
    }
  }
  return { hash, saltLength };
}

type Check = { importAlg: RsaHashedImportParams | EcKeyImportParams | Algorithm; verifyAlg: AlgorithmIdentifier | EcdsaParams | RsaPssParams; signature: Uint8Array };

/** How WebCrypto must check `child`'s signature with `issuer`'s key; null when it cannot. */
function plan(child: RawCertificate, issuer: RawCertificate): Check | 'mismatch' | null {
  const oid = child.signatureOid;
  const rsaKey = issuer.keyOid === KEY_RSA || issuer.keyOid === KEY_RSA_PSS;
  if (RSA_PKCS1[oid]) {
    if (!rsaKey) return 'mismatch';
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: RSA_PKCS1[oid] };
    return { importAlg: alg, verifyAlg: alg, signature: child.signature };
  }
  if (oid === RSA_PSS) {
    if (!rsaKey) return 'mismatch';
    const p = pssParams(child.signatureAlgorithm);
    return p ? { importAlg: { name: 'RSA-PSS', hash: p.hash }, verifyAlg: { name: 'RSA-PSS', saltLength: p.saltLength }, signature: child.signature } : null;
  }
  if (ECDSA[oid]) {
    if (issuer.keyOid !== KEY_EC) return 'mismatch';
    const curve = issuer.keyParamOid ? EC_CURVE_BITS[issuer.keyParamOid] : undefined;
    if (!curve || !['P-256', 'P-384', 'P-521'].includes(curve.name)) return null;
    const sig = ecdsaRaw(child.signature, Math.ceil(curve.bits / 8));
    if (!sig) return 'mismatch';
    return { importAlg: { name: 'ECDSA', namedCurve: curve.name }, verifyAlg: { name: 'ECDSA', hash: ECDSA[oid] }, signature: sig };
  }
  if (oid === ED25519) {
    return issuer.keyOid === ED25519 ? { importAlg: { name: 'Ed25519' }, verifyAlg: { name: 'Ed25519' }, signature: child.signature } : 'mismatch';
  }
  return null;
}

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

// Imported issuer keys, per walked certificate (the parsed cache hands out one object per certificate) and import
// parameters: a CA that issued thousands of the certificates given is imported once, not once per certificate.
const importedKeys = new WeakMap<RawCertificate, Map<string, Promise<CryptoKey | null>>>();

function issuerKey(issuer: RawCertificate, importAlg: Check['importAlg']): Promise<CryptoKey | null> {
  let byAlg = importedKeys.get(issuer);
  if (!byAlg) importedKeys.set(issuer, (byAlg = new Map()));
  const id = JSON.stringify(importAlg);
  let key = byAlg.get(id);
  if (!key) {
    key = crypto.subtle.importKey('spki', buf(issuer.spki), importAlg, false, ['verify']).catch(() => null);
    byAlg.set(id, key);
  }
  return key;
}

/**
 * RFC 5280 §6.1.3 (a)(1) with WebCrypto: was `child`'s tbsCertificate signed by `issuer`'s key? MD5, MD2,
 * SHA-224, DSA and unknown algorithms are `unsupported` (neither proven nor refuted).
 */
export async function checkSignature(child: RawCertificate, issuer: RawCertificate): Promise<'valid' | 'invalid' | 'unsupported'> {
  const p = plan(child, issuer);
  if (p === 'mismatch') return 'invalid';
  if (!p) return 'unsupported';
  const key = await issuerKey(issuer, p.importAlg);
  if (!key) return 'unsupported';
  try {
    return (await crypto.subtle.verify(p.verifyAlg, key, buf(p.signature), buf(child.tbs))) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
