import { describe, expect, it } from 'vitest';
import { readCertificateBytes } from '../../../../shared/x509/index';
import { fixture, nodeCertificates, thumbprint } from './fixtures';

const PASSWORD = 'Relay-Doctor-1';

async function read(name: string, password?: string) {
  return readCertificateBytes(name, fixture(name), password);
}

async function thumbprints(name: string, password?: string): Promise<string[]> {
  const r = await read(name, password);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value.certificates.map((c) => c.sha1);
}

describe('readCertificateBytes', () => {
  const leaf = thumbprint(nodeCertificates('leaf-only.pem')[0]!);
  const chain = nodeCertificates('chain-complete.pem').map(thumbprint);

  it('reads a DER certificate', async () => {
    expect(await thumbprints('leaf-only.cer')).toEqual([leaf]);
    expect((await read('leaf-only.cer')).ok && (await read('leaf-only.cer'))).toMatchObject({ value: { format: 'der' } });
  });

  it('reads a PEM bundle in file order', async () => {
    expect(await thumbprints('chain-wrong-order.pem')).toEqual(nodeCertificates('chain-wrong-order.pem').map(thumbprint));
  });

  it('reads PEM with CRLF line ends and OpenSSL Bag Attributes around the blocks', async () => {
    const r = await read('bag-attributes-crlf.pem');
    expect(r.ok && r.value.certificates.map((c) => c.sha1)).toEqual(chain);
  });

  it('reads Base64 without armour', async () => {
    const r = await read('leaf-bare-base64.txt');
    expect(r.ok && r.value.format).toBe('base64');
    expect(r.ok && r.value.certificates[0]?.sha1).toBe(leaf);
  });

  it('reads PKCS#7 in DER (.p7b) and PEM (.p7c)', async () => {
    expect((await thumbprints('chain.p7b')).sort()).toEqual([...chain].sort());
    expect((await thumbprints('chain-pem.p7c')).sort()).toEqual([...chain].sort());
  });

  it('reads PKCS#7 inside CERTIFICATE armour, as AD CS web enrollment gives its certnew.p7b', async () => {
    const p7c = new TextDecoder().decode(fixture('chain-pem.p7c')).replace(/PKCS7/g, 'CERTIFICATE');
    const r = await readCertificateBytes('certnew.p7b', new TextEncoder().encode(p7c));
    expect(r.ok && r.value.certificates.map((c) => c.sha1).sort()).toEqual([...chain].sort());
    expect(r.ok && r.value.format).toBe('pkcs7');
  });

  it('reads a Windows serialized store (.sst)', async () => {
    expect(await thumbprints('chain.sst')).toEqual(chain);
  });

  it('reads a PFX with its password and names the leaf whose private key it holds', async () => {
    const r = await read('leaf-aes.pfx', PASSWORD);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.certificates.map((c) => c.sha1).sort()).toEqual([...chain].sort());
    expect(r.value.privateKeyFor).toBe(leaf);
    expect(JSON.stringify(r.value)).not.toMatch(/PRIVATE|privateKey"/);
  });

  it.each(['leaf-3des.p12', 'leaf-legacy-rc2.pfx'])('reads the legacy-encrypted PKCS#12 %s of older Windows exports', async (file) => {
    const r = await read(file, PASSWORD);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.certificates.map((c) => c.sha1).sort()).toEqual([...chain].sort());
    expect(r.value.privateKeyFor).toBe(leaf);
    expect(r.value.warnings).toEqual([]);
    expect(await read(file, 'wrong')).toEqual({ ok: false, error: { code: 'input.passwordWrong' } });
  });

  it('asks for a password when a PFX needs one, and says when it is wrong', async () => {
    expect(await read('leaf-aes.pfx')).toEqual({ ok: false, error: { code: 'input.passwordRequired' } });
    expect(await read('leaf-aes.pfx', 'wrong')).toEqual({ ok: false, error: { code: 'input.passwordWrong' } });
  });

  it('rejects truncated DER as damaged and random bytes as unrecognized', async () => {
    expect(await read('leaf-truncated.cer')).toEqual({ ok: false, error: { code: 'input.damaged' } });
    expect(await read('random.bin')).toEqual({ ok: false, error: { code: 'input.unrecognized' } });
  });

  it('rejects a 50 MB random file quickly without parsing it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i * 2654435761) >>> 24;
    big[0] = 0x30;
    const r = await readCertificateBytes('big.cer', big);
    expect(r.ok).toBe(false);
  });

  it('counts a damaged block of a bundle and keeps the good certificates', async () => {
    const text = new TextDecoder().decode(fixture('chain-complete.pem'));
    const broken = text.replace(/(-----BEGIN CERTIFICATE-----\n)MII/, '$1!!!');
    const r = await readCertificateBytes('broken.pem', new TextEncoder().encode(broken));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.certificates).toHaveLength(1);
    expect(r.value.damaged).toBe(1);
    expect(r.value.warnings.map((w) => w.code)).toContain('x509.pem.badBlock');
  });
});
