import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and schema check (the packages electron-builder itself runs), so a typo or
// misplaced option fails here, on machines where packaging cannot run.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import pkg from '../../../../package.json';
import { ASSOCIATED_EXTENSIONS } from '../../../../electron/main/evidence-files';
import { APP_ID } from '../../../../electron/main/app-id';

const config = await getConfig(process.cwd(), null, null);

type Target = string | { target: string; arch?: string[] };
const targets = (list: unknown): string[] => ((list ?? []) as Target[]).map((t) => (typeof t === 'string' ? t : t.target));

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// Compiling electron-builder's JSON schema takes seconds on a busy machine.
describe('electron-builder.yml', { timeout: 60_000 }, () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the product as package.json does and keeps sources out of the package', () => {
    expect(config.productName).toBe(pkg.productName);
    // Windows taskbar grouping needs main's AppUserModelID to equal the installer's appId.
    expect(config.appId).toBe(APP_ID);
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = (config.files as Array<{ filter: string[] }>).flatMap((f) => f.filter);
    for (const pattern of files) expect(pattern, pattern).toMatch(/^(package\.json|out\/(main|preload|renderer)\/\*\*|!.*)$/);
    expect(files).toContain('!**/*.map');
  });

  it('turns on the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The page is served over app://, so file:// keeps no privileges beyond a browser's (issue 19).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('sets every fuse electron-builder knows, so a new one is a decision, not a default', () => {
    const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    // resetAdHocDarwinSignature is a signing step, not a fuse of the binary.
    const fuses = Object.keys(schema.definitions.FuseOptionsV1?.properties ?? {}).filter((k) => k !== 'resetAdHocDarwinSignature');
    expect(fuses).toContain('grantFileProtocolExtraPrivileges');
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(fuses.sort());
  });

  it('associates exactly the extensions main accepts from the command line', () => {
    const exts = (config.fileAssociations as Array<{ ext: string | string[]; mimeType?: string }>).flatMap((a) => {
      expect(a.mimeType, String(a.ext)).toBeTruthy(); // Linux needs a MIME type per association
      return Array.isArray(a.ext) ? a.ext : [a.ext];
    });
    expect(exts.sort()).toEqual([...ASSOCIATED_EXTENSIONS].sort());
  });

  it('builds a per-user NSIS installer and portable exe, AppImage and deb, and a dmg', () => {
    expect(targets(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('points at icons that exist in the right formats', () => {
    expect(pngSize('build/icon.png')).toEqual({ width: 512, height: 512 });
    const ico = readFileSync('build/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, k) => ico[6 + 16 * k] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync('build/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
