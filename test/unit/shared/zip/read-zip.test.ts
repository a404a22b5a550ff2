import { describe, expect, it } from 'vitest';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { readZip } from '../../../../shared/zip/read-zip';
import { zipReader } from '../../../../shared/zip/zip-reader';
import { readInputs } from '../../../../shared/engine/read-inputs';
import { DEFAULT_LIMITS, type Limits } from '../../../../shared/model/input';
import { safeEntryPath } from '../../../../shared/zip/safe-path';

const limits = (over: Partial<Limits> = {}): Limits => ({ ...DEFAULT_LIMITS, ...over });

/** What collect-evidence.ps1 produces on Windows PowerShell 5.1: Compress-Archive writes backslashes. */
function collectorZip(): Uint8Array {
  return zipSync({
    'manifest.json': strToU8('{"tool":"relay-doctor collect-evidence","computer":"RELAY01"}'),
    'certificates\\FED41D9F75EC7FE990FF316BEFD1CFB3517D9B5F.cer': new Uint8Array([0x30, 0x82, 0x01, 0x00]),
    'events\\transport.evtx': strToU8('ElfFile\u0000'),
    'settings\\Get-SendConnector.txt': strToU8('Name               : Outbound to Office 365\r\nTlsCertificateName : <I>CN=CA<S>CN=relay\r\n'),
    'logs/': new Uint8Array(0),
  });
}

function code(result: ReturnType<typeof readZip>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('readZip', () => {
  it('returns every file with forward-slash paths and the bytes it holds, skipping folders', () => {
    const r = readZip(collectorZip(), limits());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.files.map((f) => f.name).sort()).toEqual([
      'certificates/FED41D9F75EC7FE990FF316BEFD1CFB3517D9B5F.cer',
      'events/transport.evtx',
      'manifest.json',
      'settings/Get-SendConnector.txt',
    ]);
    const settings = r.value.files.find((f) => f.name.startsWith('settings/'));
    expect(new TextDecoder().decode(settings?.bytes)).toContain('Outbound to Office 365');
  });

  it('reads stored (uncompressed) entries', () => {
    const r = readZip(zipSync({ 'a.txt': strToU8('hello') }, { level: 0 }), limits());
    expect(r.ok && new TextDecoder().decode(r.value.files[0]?.bytes)).toBe('hello');
  });

  for (const name of ['../evil.cer', '..\\..\\Windows\\evil.dll', 'a/../../b', '/etc/passwd', '\\\\server\\share\\x', 'C:\\evil.ps1', 'c:evil']) {
    it(`refuses the archive as input.unsafePath when an entry is named ${JSON.stringify(name)}`, () => {
      const r = readZip(zipSync({ 'ok.txt': strToU8('x'), [name]: strToU8('y') }), limits());
      expect(code(r)).toBe('input.unsafePath');
    });
  }

  it('refuses a symbolic link entry (Unix mode S_IFLNK)', () => {
    const files: Zippable = { 'ok.txt': strToU8('x'), link: [strToU8('/etc/shadow'), { os: 3, attrs: 0o120777 * 0x10000 }] };
    expect(code(readZip(zipSync(files), limits()))).toBe('input.unsafePath');
  });

  it('accepts a regular Unix file entry with permissions', () => {
    const files: Zippable = { 'ok.txt': [strToU8('x'), { os: 3, attrs: 0o100644 * 0x10000 }] };
    expect(readZip(zipSync(files), limits()).ok).toBe(true);
  });

  it('refuses a bomb whose declared size passes maxZipBytes before inflating anything', () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(code(readZip(bomb, limits({ maxZipBytes: 1024 * 1024 })))).toBe('input.tooLarge');
  });

  it('refuses one entry larger than maxFileBytes before inflating it', () => {
    const zip = zipSync({ 'small.txt': strToU8('x'), 'zeros.bin': new Uint8Array(3 * 1024 * 1024) });
    expect(code(readZip(zip, limits({ maxFileBytes: 1024 * 1024 })))).toBe('input.tooLarge');
  });

  it('stops inflating an entry whose header lies about its size and skips it as damaged', () => {
    const zip = zipSync({ 'zeros.bin': new Uint8Array(20 * 1024 * 1024) });
    // Rewrite the central directory's uncompressed size to 10 bytes: the real data is 20 MiB.
    const dv = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    const central = dv.getUint32(eocd + 16, true);
    dv.setUint32(central + 24, 10, true);
    const r = readZip(zip, limits({ maxZipBytes: 1024 * 1024 }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.files).toEqual([]);
      expect(r.value.warnings).toEqual([{ code: 'zip.damagedEntry', params: { entry: 'zeros.bin' } }]);
    }
  });

  it('refuses more entries than maxZipEntries', () => {
    const files: Zippable = {};
    for (let i = 0; i < 11; i++) files[`f${i}.txt`] = strToU8('x');
    expect(code(readZip(zipSync(files), limits({ maxZipEntries: 10 })))).toBe('input.tooLarge');
  });

  it('reports random bytes and a truncated archive as damaged', () => {
    expect(code(readZip(new Uint8Array(100).fill(7), limits()))).toBe('input.damaged');
    const zip = collectorZip();
    expect(code(readZip(zip.subarray(0, zip.length - 30), limits()))).toBe('input.damaged');
  });
});

describe('safeEntryPath', () => {
  it('normalises backslashes and dot segments', () => {
    expect(safeEntryPath('.\\logs\\\\SEND20261128-1.LOG')).toBe('logs/SEND20261128-1.LOG');
  });
});

describe('zipReader in the engine', () => {
  it('sniffs a zip by its signature and reads its files back as inputs of their own', async () => {
    expect(zipReader.sniff({ name: 'whatever.bin', bytes: collectorZip() })).toBe(3);
    const read = await readInputs([{ name: 'evidence.zip', bytes: collectorZip() }], { limits: DEFAULT_LIMITS });
    const names = read.outcomes.map((o) => o.file);
    expect(read.outcomes[0]).toMatchObject({ file: 'evidence.zip', kind: 'container', status: 'ok', items: 4 });
    expect(names).toContain('evidence.zip/settings/Get-SendConnector.txt');
    expect(names).toContain('evidence.zip/certificates/FED41D9F75EC7FE990FF316BEFD1CFB3517D9B5F.cer');
    expect(names).toHaveLength(5);
  });

  it('stops a zip nested in itself at maxNestingDepth', async () => {
    let zip = zipSync({ 'note.txt': strToU8('innermost') });
    for (let i = 0; i < 6; i++) zip = zipSync({ 'inner.zip': zip });
    const read = await readInputs([{ name: 'outer.zip', bytes: zip }], { limits: limits({ maxNestingDepth: 3 }) });
    const deep = read.outcomes.find((o) => o.status === 'rejected');
    expect(deep?.error?.code).toBe('input.tooDeep');
    expect(deep?.file).toBe('outer.zip/inner.zip/inner.zip/inner.zip');
  });

  it('reports an unsafe archive as rejected without stopping the other inputs', async () => {
    const evil = zipSync({ '../x.cer': strToU8('x') });
    const read = await readInputs(
      [{ name: 'evil.zip', bytes: evil }, { name: 'good.zip', bytes: collectorZip() }],
      { limits: DEFAULT_LIMITS },
    );
    expect(read.outcomes[0]).toMatchObject({ file: 'evil.zip', status: 'rejected', error: { code: 'input.unsafePath' } });
    expect(read.outcomes.some((o) => o.file === 'good.zip' && o.status === 'ok')).toBe(true);
  });
});
