import { WEAK_HASHES } from '../oids';
import type { JudgeRule } from './rule';
import { finding, pathCertificates, refsOf } from './rule';

/**
 * SHA-1 / MD5 / MD2 signatures on a leaf or intermediate (a root's own signature is never checked, so
 * it does not count). Exchange fails MD5/MD2 chains under TLS 1.2 (KB 3027536; domain.md §2).
 */
export const weakSignature: JudgeRule = {
  id: 'cert.weakSignature',
  judge: (ctx) =>
    pathCertificates(ctx)
      .filter((c) => c.position !== 'root' && !c.fromStore && WEAK_HASHES.has(c.record.signatureHash))
      .map((c) =>
        finding('cert.weakSignature', 'high',
          { position: c.position, subject: c.record.subject, sha1: c.record.sha1, algorithm: c.record.signatureAlgorithm },
          refsOf(ctx, c.record)),
      ),
};

/** RSA under 2048 bits or EC under 256: below the safe baseline of domain.md §2. */
export const weakKey: JudgeRule = {
  id: 'cert.weakKey',
  judge: (ctx) =>
    pathCertificates(ctx)
      .filter((c) => {
        const k = c.record.publicKey;
        return !c.fromStore && k.bits > 0 && ((k.algorithm === 'RSA' && k.bits < 2048) || (k.algorithm === 'EC' && k.bits < 256));
      })
      .map((c) =>
        finding('cert.weakKey', 'high',
          { position: c.position, subject: c.record.subject, sha1: c.record.sha1, algorithm: c.record.publicKey.algorithm,
            bits: c.record.publicKey.bits },
          refsOf(ctx, c.record)),
      ),
};
