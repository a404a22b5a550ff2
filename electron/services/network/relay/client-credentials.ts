import tls from 'node:tls';
import { detailOf, networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

import type { RelayCredentials } from '../../../../shared/network/types';

export type { RelayCredentials };

export type TlsCredentialOptions = Pick<tls.SecureContextOptions, 'pfx' | 'passphrase' | 'cert' | 'key'>;

/**
 * Turns credentials into Node TLS options and checks them by building a context once, before any
 * connection: a wrong password or a key that does not fit the certificate fails here, offline.
 */
export function tlsCredentialOptions(c: RelayCredentials): Result<TlsCredentialOptions, NetworkError> {
  const options: TlsCredentialOptions =
    'pfx' in c ? { pfx: Buffer.from(c.pfx), passphrase: c.password } : { cert: c.certPem, key: c.keyPem };
  try {
    tls.createSecureContext({ ca: [], ...options });
    return ok(options);
  } catch (e) {
    const detail = detailOf(e);
    const reason = /mac verify|password|decrypt|bad decrypt/i.test(detail) ? 'password' : /key values mismatch/i.test(detail) ? 'keyMismatch' : 'format';
    return err(networkError('network.clientCredentialsInvalid', { reason, detail }));
  }
}
