import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate } from '../../../../../shared/x509/index';
import { networkErrorText, networkEvidenceForAnalyze, runProbeCommand } from '../../../../../electron/services/network/cli-commands';
import { probeSmtp } from '../../../../../electron/services/network/probe-smtp';
import { fetchIssuer } from '../../../../../electron/services/network/aia/fetch-issuer';
import { closedPort, fixture, issueLeafWithAia, LOOPBACK, pemDers, startHttp, startRaw, startSmtp, type RunningSmtp, PATIENT_MS } from './local-servers';

function captureIo() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
}

let smtp: RunningSmtp;
let bare: RunningSmtp;
beforeAll(async () => {
  smtp = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem') });
  bare = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem'), hideSTARTTLS: true });
});
afterAll(async () => {
  await smtp.close();
  await bare.close();
});

describe('runProbeCommand', () => {
  it('prints the localized summary and exits 0', async () => {
    const { out, io } = captureIo();
    expect(await runProbeCommand(`${LOOPBACK}:${String(smtp.port)}`, { json: false }, io, 'cs')).toBe(0);
    expect(out.stdout).toContain('Server poslal 1 certifikát');
  });

  it('prints only JSON on stdout with --json', async () => {
    const { out, io } = captureIo();
    expect(await runProbeCommand(`${LOOPBACK}:${String(smtp.port)}`, { json: true }, io, 'en')).toBe(0);
    expect((JSON.parse(out.stdout) as { certificates: unknown[] }).certificates).toHaveLength(1);
  });

  it('exits 2 for a target that is not host[:port] and 1 when the server refuses', async () => {
    const a = captureIo();
    expect(await runProbeCommand('http://x', { json: false }, a.io, 'en')).toBe(2);
    const b = captureIo();
    expect(await runProbeCommand(`${LOOPBACK}:${String(await closedPort())}`, { json: false }, b.io, 'en')).toBe(1);
    expect(b.out.stderr).toContain('Connection refused');
  });
});

describe('networkErrorText', () => {
  it('formats the errors real failures produce, in both languages, without raw keys', async () => {
    const silent = await startRaw(() => undefined);
    const aia = await startHttp({ '/page': (res) => res.writeHead(200).end('<html/>') });
    try {
      const child = pemDers(fixture('server.pem').toString())[0] ?? Buffer.alloc(0);
      const failures = [
        await probeSmtp({ host: LOOPBACK, port: await closedPort(), timeoutMs: PATIENT_MS }),
        await probeSmtp({ host: LOOPBACK, port: silent.port, timeoutMs: 200 }),
        await probeSmtp({ host: LOOPBACK, port: bare.port, timeoutMs: PATIENT_MS }),
        await fetchIssuer({ url: `${aia.base}/page`, childDer: child }, { allowPrivateAddresses: true }),
        await fetchIssuer({ url: `${aia.base}/none`, childDer: child }, { allowPrivateAddresses: true }),
        await fetchIssuer({ url: 'http://user:secret@aia.example.test/int.cer', childDer: child }),
        await fetchIssuer({ url: `${aia.base}/none`, childDer: child }),
        await fetchIssuer({ url: 'ldap://x/y', childDer: child }),
      ];
      for (const r of failures) {
        if (r.ok) throw new Error('expected a failure');
        for (const locale of ['en', 'cs'] as const) expect(networkErrorText(locale, r.error)).not.toMatch(/network\.[a-zA-Z]|\{/);
        // Title and detail are joined by the catalog, so French gets its no-break space before the colon.
        const firstLine = (locale: 'en' | 'fr') => networkErrorText(locale, r.error).split('\n')[0] ?? '';
        expect(firstLine('fr')).toContain('\u00a0: ');
        expect(firstLine('fr')).not.toMatch(/[^\s\u00a0]: /);
        expect(firstLine('en')).toMatch(/[^\s]: /);
      }
    } finally {
      await silent.close();
      await aia.close();
    }
  });
});

describe('networkEvidenceForAnalyze', () => {
  it('adds nothing and opens nothing when neither --probe nor --fetch-aia is given', async () => {
    expect(await networkEvidenceForAnalyze({ fetchAia: false, evidence: [] })).toEqual({ evidence: [], failures: [] });
  });

  it('adds the probe capture as evidence (origin probe)', async () => {
    const r = await networkEvidenceForAnalyze({ probe: `${LOOPBACK}:${String(smtp.port)}`, fetchAia: false, evidence: [], timeoutMs: PATIENT_MS });
    expect(r.evidence.map((e) => e.origin)).toEqual(['probe']);
  });

  it('adds verified downloads for --fetch-aia and reports a dead AIA host without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-aia-cli-'));
    const aia = await startHttp({ '/int.cer': (res) => res.writeHead(200).end(fixture('int.cer')) });
    try {
      const dead = `http://${LOOPBACK}:${String(await closedPort())}/int.cer`;
      const leaf = issueLeafWithAia(dir, [dead, `${aia.base}/int.cer`]);
      const read = decodeCertificate(leaf);
      if (!read.ok) throw new Error(read.error.code);
      const evidence = [{ kind: 'certificates' as const, id: 'leaf.cer', source: 'leaf.cer', origin: 'file' as const, certificates: [read.value] }];
      const root = (pemDers(fixture('root.pem').toString())[0] ?? Buffer.alloc(0)).toString('base64');
      const r = await networkEvidenceForAnalyze({ fetchAia: true, allowPrivateAia: true, evidence, anchorsBase64: [root], timeoutMs: PATIENT_MS });
      expect(r.evidence.map((e) => [e.origin, e.source])).toEqual([['download', `${aia.base}/int.cer`]]);
      expect(r.failures).toMatchObject([{ code: 'network.aiaUnreachable', params: { reason: 'refused' } }]);
    } finally {
      await aia.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
