import type { PreflightCheck } from '../types';
import { result } from '../context';

/**
 * Signature hashes of the leaf and its intermediates: MD5/MD2 fail TLS 1.2 validation in Exchange
 * (KB 3027536, domain.md §1.3 C10); SHA-1 is undocumented on the EOP side, so it warns. A root's own
 * signature plays no part.
 */
export const signature: PreflightCheck = {
  id: 'preflight.signature',
  run({ path, leaf }) {
    const id = this.id;
    const signed = path.filter((c, i) => i === 0 || !c.selfSigned);
    const certs = signed.length > 0 ? signed : [leaf];
    const broken = certs.filter((c) => /^(MD5|MD2|MD4)$/i.test(c.signatureHash));
    const sha1 = certs.filter((c) => /^SHA-?1$/i.test(c.signatureHash));
    const describe = (cs: typeof certs) => cs.map((c) => `${c.subject} (${c.signatureAlgorithm})`);
    if (broken.length > 0) return result(id, 'fail', 'broken', { certificates: describe(broken) }, broken.map((c) => `cert:${c.sha1}`));
    if (sha1.length > 0) return result(id, 'warn', 'sha1', { certificates: describe(sha1) }, sha1.map((c) => `cert:${c.sha1}`));
    return result(id, 'pass', 'strong', { algorithm: leaf.signatureAlgorithm }, [`cert:${leaf.sha1}`]);
  },
};
