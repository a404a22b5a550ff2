import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { X509Certificate } from 'node:crypto';

/** Reads a committed fixture of test/fixtures/certs (made by its make.sh). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/certs/${name}`, import.meta.url))));
}

/** Node's own parse of the PEM blocks of a fixture: an independent oracle for thumbprints and names. */
export function nodeCertificates(name: string): X509Certificate[] {
  const text = new TextDecoder().decode(fixture(name));
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

export function thumbprint(cert: X509Certificate): string {
  return cert.fingerprint.replace(/:/g, '');
}
