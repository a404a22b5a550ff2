import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';
import pkg from '../../../../package.json' with { type: 'json' };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'relay-doctor-cli-'));
}

describe('relay-doctor command line', () => {
  it('prints the package version for --version', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out().trim()).toBe(pkg.version);
  });

  it('prints the usage in Czech when LANG is cs_CZ.UTF-8', async () => {
    const io = captureIo({ LANG: 'cs_CZ.UTF-8' });
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Použití:');
  });

  it('lets --lang override LANG', async () => {
    const io = captureIo({ LANG: 'cs_CZ.UTF-8' });
    expect(await main(['--help', '--lang', 'en'], io)).toBe(0);
    expect(io.out()).toContain('Usage:');
  });

  it('exits 2 with a usage message for an unknown command', async () => {
    const io = captureIo();
    expect(await main(['diagnose', 'x'], io)).toBe(2);
    expect(io.err()).toContain('unknown command');
  });

  it('says why a command line is refused in the chosen language, naming the option', async () => {
    const io = captureIo({ LANG: 'cs_CZ.UTF-8' });
    expect(await main(['analyze', 'x.pem', '--jobz', '2'], io)).toBe(2);
    expect(io.err()).toContain('neznámý přepínač --jobz');
    const de = captureIo();
    expect(await main(['analyze', '--lang', 'de'], de)).toBe(2);
    expect(de.err()).toContain('analyze braucht mindestens eine Datei oder einen Ordner');
  });

  it('exits 2 when --jobs is not a whole number from 1 to 64', async () => {
    for (const jobs of ['0', 'two', '1.5', '65']) {
      const io = captureIo();
      expect(await main(['analyze', 'x.pem', '--jobs', jobs], io)).toBe(2);
      expect(io.err()).toContain('--jobs');
    }
  });

  it('exits 2 when --at is not a time', async () => {
    const io = captureIo();
    expect(await main(['analyze', 'x.pem', '--at', 'yesterday'], io)).toBe(2);
  });

  it('prints a report@1 with every input and exits 2 when nothing could be read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'noise.bin'), new Uint8Array([0, 1, 2, 3, 255, 254]));
    const io = captureIo();
    const code = await main(['analyze', join(dir, 'noise.bin'), join(dir, 'missing.pem'), '--json'], io);
    expect(code).toBe(2);
    const report = JSON.parse(io.out());
    expect(report.schema).toBe('relay-doctor/report@1');
    expect(report.inputs).toHaveLength(2);
    const codes = report.inputs.map((i: { error?: { code: string } }) => i.error?.code).sort();
    expect(codes).toEqual(['input.unreadable', 'input.unrecognized']);
  });

  it('reads a folder recursively and names entries relative to it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'logs', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'a.bin'), new Uint8Array([1]));
    writeFileSync(join(dir, 'logs', 'sub', 'b.bin'), new Uint8Array([2]));
    const io = captureIo();
    await main(['analyze', join(dir, 'logs'), '--json'], io);
    const files = JSON.parse(io.out()).inputs.map((i: { file: string }) => i.file);
    expect(files).toEqual(['logs/a.bin', 'logs/sub/b.bin']);
  });

  it('pins the validation time with --at', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.bin'), new Uint8Array([1]));
    const io = captureIo();
    await main(['analyze', join(dir, 'x.bin'), '--json', '--at', '2020-01-02T03:04:05Z'], io);
    expect(JSON.parse(io.out()).validationTime).toBe('2020-01-02T03:04:05.000Z');
  });
});

describe('relay-doctor probe', () => {
  it('exits 2 for a target that is not host[:port]', async () => {
    const io = captureIo();
    expect(await main(['probe', 'smtp://bad target'], io)).toBe(2);
  });

  it('exits 1 and says the connection was refused for a closed loopback port', async () => {
    const { createServer } = await import('node:net');
    // Find a port that is free, then close it again so nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const io = captureIo();
    expect(await main(['probe', `127.0.0.1:${port}`], io)).toBe(1);
    expect(io.err()).toMatch(/refused/i);
  });
});

describe('relay-doctor analyze inputs', () => {
  it('reads pasted text from standard input for "-" and tells which kind of evidence it is', async () => {
    const ndr = readFileSync(fileURLToPath(new URL('../../../fixtures/ndr/exchange-onprem-5.7.64.eml', import.meta.url)), 'utf8');
    const dir = tempDir();
    writeFileSync(join(dir, 'noise.bin'), new Uint8Array([0, 1, 2]));
    const io = captureIo({}, ndr);
    // The NDR is dated 14 May 2024: analysed at that time it is the symptom, not history.
    await main(['analyze', '-', join(dir, 'noise.bin'), '--json', '--at', '2024-05-14T09:00:00Z'], io);
    const report = JSON.parse(io.out());
    expect(report.inputs.map((i: { file: string; kind: string | null; status: string }) => [i.file, i.kind, i.status])).toEqual([
      ['stdin.txt', 'ndr', 'ok'],
      ['noise.bin', null, 'rejected'],
    ]);
    expect(report.findings.map((f: { id: string }) => f.id)).toContain('smtp.tenantAttribution');
  });

  it('reads a folder of logs one file at a time and rebuilds the sessions of each', async () => {
    const dir = tempDir();
    const log = readFileSync(fileURLToPath(new URL('../../../fixtures/smtp/exchange-send-5.7.64-cert-sent.log', import.meta.url)));
    mkdirSync(join(dir, 'SmtpSend'));
    for (let n = 1; n <= 30; n++) writeFileSync(join(dir, 'SmtpSend', `SEND20240514-${n}.log`), log);
    const io = captureIo();
    expect(await main(['analyze', join(dir, 'SmtpSend'), '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.inputs).toHaveLength(30);
    expect(report.inputs.every((i: { kind: string; status: string; items: number }) => i.kind === 'smtpLog' && i.status === 'ok' && i.items === 1)).toBe(true);
  });
});
