import tls from 'node:tls';
import { detailOf, networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

/**
 * The relay's client certificate: a PFX with its password, or PEM certificate + key. Put the intermediates
 * in the PFX or after the leaf in `certPem`: they are sent as the chain, which is the point of the test.
 */
export type RelayCredentials =
  | { readonly pfx: Uint8Array; readonly password: string }
  | { readonly certPem: string; readonly keyPem: string };

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
