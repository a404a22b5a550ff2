import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, EncryptedData, PBES2Params, PBKDF2Params, PFX } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { decryptPart } from '../../shared/x509/formats/pkcs12-decrypt';
import { MAX_MAC_ITERATIONS, MAX_PBES2_ITERATIONS } from '../../shared/x509/formats/pkcs12-limits';
import { CERTIFICATE_READERS } from '../../shared/x509/readers';

const pkcs12 = CERTIFICATE_READERS.find((r) => r.id === 'x509.pkcs12');
const read = (name: string, bytes: Uint8Array, password?: string) =>
  pkcs12?.read({ name, bytes }, { limits: DEFAULT_LIMITS, ...(password !== undefined ? { password } : {}) });
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));
const SERVER_PFX = fixture('../fixtures/fixpack/server.pfx');
const SERVER_PASSWORD = 'Tajn3-Heslo!';

// The fuzzer grew server.pfx's MAC iteration count from 2048 to 5,295,543 (0x50cdb7). The legacy KDF bound
// did not apply: pkijs derives the MAC key itself, in pure JS, and took 8–16 s before answering.
describe('PKCS#12 MAC with a damaged iteration count', () => {
  const crasher = fixture('../fuzz/fixed/x509.pkcs12-f83296c1a449.bin');

  it.each([
    ['without a password', undefined],
    ['with a password', 'Relay-Doctor-1'],
  ])('is refused as damaged %s, before the MAC key is derived', async (_, password) => {
    const r = await read('server.pfx', crasher, password);
    expect(r?.ok ? 'ok' : r?.error.code).toBe('input.damaged');
  });

  it('still opens the untouched file (MAC count 2048)', async () => {
    const r = await read('server.pfx', SERVER_PFX, SERVER_PASSWORD);
    expect(r?.ok ? r.value.items : r?.error.code).toBe(3);
    expect(MAX_MAC_ITERATIONS).toBeGreaterThanOrEqual(10_000);
  });
});

/** server.pfx's encrypted certificate part (PBES2: PBKDF2-SHA256, AES-256-CBC), its count set to `count`. */
async function certificatePart(count: number): Promise<{ algorithm: AlgorithmIdentifier; encrypted: ArrayBuffer }> {
  const pfx = new PFX({ schema: asn1js.fromBER(SERVER_PFX.slice().buffer).result });
  await pfx.parseInternalValues({ password: new TextEncoder().encode(SERVER_PASSWORD).buffer, checkIntegrity: true });
  const part = pfx.parsedValue?.authenticatedSafe?.safeContents.find((p) => p.contentType === '1.2.840.113549.1.7.6');
  if (!part) throw new Error('server.pfx has no EncryptedData part');
  const info = new EncryptedData({ schema: part.content }).encryptedContentInfo;
  const pbes2 = new PBES2Params({ schema: info.contentEncryptionAlgorithm.algorithmParams });
  const pbkdf2 = new PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
  pbkdf2.iterationCount = count;
  pbes2.keyDerivationFunc = new AlgorithmIdentifier({ algorithmId: pbes2.keyDerivationFunc.algorithmId, algorithmParams: pbkdf2.toSchema() });
  const algorithm = new AlgorithmIdentifier({ algorithmId: info.contentEncryptionAlgorithm.algorithmId, algorithmParams: pbes2.toSchema() });
  return { algorithm, encrypted: info.getEncryptedContent() };
}

// The same trap on the PBES2 path: WebCrypto would run PBKDF2 for 2^31 rounds (minutes) if the file says so.
describe('PKCS#12 PBES2 part with a damaged iteration count', () => {
  it('decrypts with the count the exporter wrote', async () => {
    const { algorithm, encrypted } = await certificatePart(2048);
    expect((await decryptPart(algorithm, encrypted, SERVER_PASSWORD)).status).toBe('ok');
    expect(MAX_PBES2_ITERATIONS).toBeGreaterThanOrEqual(600_000); // OWASP's PBKDF2-SHA256 advice still opens
  });

  // Without the bound this call runs for minutes and the test times out.
  it('refuses 2^31 - 1 rounds instead of running them', async () => {
    const { algorithm, encrypted } = await certificatePart(2 ** 31 - 1);
    expect(await decryptPart(algorithm, encrypted, SERVER_PASSWORD)).toEqual({ status: 'failed' });
  });
});
