import type { PreflightCheck } from '../types';
import { result } from '../context';
import { exchangeCertificates } from '../../diagnosis/evidence-facts';

/**
 * The private key (C6 NoCredentials): a PFX says whether it held the leaf's key; a .cer/.p7b/.pem never
 * carries one, so the PFX (or the server that made the request) is needed, unless Get-ExchangeCertificate
 * already lists the thumbprint with HasPrivateKey.
 */
export const privateKey: PreflightCheck = {
  id: 'preflight.privateKey',
  run({ file, leaf, evidence }) {
    const id = this.id;
    const listed = exchangeCertificates(evidence).find((c) => c.item.thumbprint.toUpperCase() === leaf.sha1);
    if (listed?.item.hasPrivateKey === false) return result(id, 'fail', 'serverHasNoKey', { thumbprint: leaf.sha1 }, [listed.ref]);
    if (file.format === 'pkcs12') {
      return file.privateKeyFor === leaf.sha1
        ? result(id, 'pass', 'inPfx', { file: file.source }, [file.source])
        : result(id, 'fail', 'pfxWithoutKey', { file: file.source }, [file.source]);
    }
    if (listed?.item.hasPrivateKey === true) return result(id, 'pass', 'onServer', { thumbprint: leaf.sha1 }, [listed.ref]);
    return result(id, 'warn', 'noKeyInFile', { file: file.source }, [file.source]);
  },
};
