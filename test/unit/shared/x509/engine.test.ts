import { describe, expect, it } from 'vitest';
import { pickReader } from '../../../../shared/engine/read-inputs';
import { runAnalysis } from '../../../../shared/engine/run';
import type { InputFile } from '../../../../shared/model/input';
import { fixture } from './fixtures';
import { NOW, userAnchors } from './analyze-helpers';

const input = (file: string, name = file): InputFile => ({ name, bytes: fixture(file) });

describe('certificate readers in the engine', () => {
  it('lets content beat the file name', () => {
    expect(pickReader(input('leaf-only.pem', 'server.cer'))?.id).toBe('x509.pem');
    expect(pickReader(input('leaf-aes.pfx', 'export.cer'))?.id).toBe('x509.pkcs12');
    expect(pickReader(input('chain.p7b', 'chain.crt'))?.id).toBe('x509.pkcs7');
    expect(pickReader(input('chain.sst', 'store.bin'))?.id).toBe('x509.sst');
    expect(pickReader(input('leaf-only.cer', 'leaf.txt'))?.id).toBe('x509.der');
    expect(pickReader(input('leaf-bare-base64.txt'))?.id).toBe('x509.pem');
  });

  it('runs from files to a localized report with chains, certificates and findings', async () => {
    const { report } = await runAnalysis([input('leaf-only.pem'), input('random.bin', 'photo.cer'), input('leaf-aes.pfx')], {
      locale: 'cs',
      now: NOW,
      trustAnchors: userAnchors('root.pem'),
      expectName: 'relay.contoso.com',
    });
    expect(report.inputs.map((i) => [i.file, i.status, i.error?.code ?? i.items])).toEqual([
      ['leaf-only.pem', 'ok', 1],
      ['photo.cer', 'rejected', 'input.unrecognized'],
      ['leaf-aes.pfx', 'rejected', 'input.passwordRequired'],
    ]);
    expect(report.chains.map((c) => c.status)).toEqual(['incomplete']);
    const missing = report.findings.find((f) => f.id === 'chain.missingIntermediate');
    expect(missing?.title).toBe('Řetěz je neúplný: chybí zprostředkující certifikát');
    expect(missing?.detail).toContain('http://pki.relay-doctor.test/issuing.cer');
  });

  it('reads a PFX with the password given to the run, and the chain completes', async () => {
    const { report, evidence } = await runAnalysis([input('leaf-aes.pfx')], {
      locale: 'en',
      now: NOW,
      trustAnchors: userAnchors('root.pem'),
      password: 'Relay-Doctor-1',
    });
    expect(report.chains.map((c) => c.status)).toEqual(['complete']);
    expect(evidence[0]).toMatchObject({ kind: 'certificates', format: 'pkcs12', privateKeyFor: report.chains[0]?.leaf });
  });
});
