import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_READERS } from '../../shared/x509/readers';
import { DEFAULT_LIMITS } from '../../shared/model/input';

const pkcs7 = CERTIFICATE_READERS.find((r) => r.id === 'x509.pkcs7');
const crasher = (file: string) => new Uint8Array(readFileSync(new URL(`../fuzz/fixed/${file}`, import.meta.url)));

// asn1js throws "Wrong input string for conversion" for a GeneralizedTime that is not a time, and a damaged
// SignedData could lack the blocks pkcs7Certificates walks (TypeError on tagClass). Both escaped read() until
// the fuzzer found them (issue 12); they are now input.damaged.
describe('PKCS#7 reader on fuzzer-damaged .p7c files', () => {
  it.each([
    ['x509.pkcs7-05ba6f616e9d.bin', 'a GeneralizedTime that is not a time'],
    ['x509.pkcs7-ddad92bcb692.bin', 'a SignedData missing a block'],
  ])('answers %s (%s) as damaged instead of throwing', async (file) => {
    const r = await pkcs7?.read({ name: 'int.p7c', bytes: crasher(file) }, { limits: DEFAULT_LIMITS });
    expect(r?.ok ? 'ok' : r?.error.code).toBe('input.damaged');
  });
});
