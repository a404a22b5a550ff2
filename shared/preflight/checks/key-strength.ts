import type { PreflightCheck } from '../types';
import { result } from '../context';

/**
 * Key strength. Exchange Online documents no minimum for client certificates; RSA 2048 is the safe baseline
 * (domain.md §2, a recommendation), and Windows refuses RSA keys under 1024 bits for TLS.
 */
export const keyStrength: PreflightCheck = {
  id: 'preflight.keyStrength',
  run({ leaf }) {
    const id = this.id;
    const { algorithm, bits, name } = leaf.publicKey;
    const params = { algorithm: name ?? algorithm, bits };
    const ref = [`cert:${leaf.sha1}`];
    if (algorithm === 'RSA') {
      if (bits < 1024) return result(id, 'fail', 'rsaTooShort', params, ref);
      if (bits < 2048) return result(id, 'warn', 'rsaWeak', params, ref);
      return result(id, 'pass', 'strong', params, ref);
    }
    if (algorithm === 'EC') return bits >= 256 ? result(id, 'pass', 'strong', params, ref) : result(id, 'warn', 'ecWeak', params, ref);
    return result(id, 'unknown', 'otherAlgorithm', params, ref);
  },
};
