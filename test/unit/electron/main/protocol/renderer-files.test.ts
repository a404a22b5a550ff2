import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../../../../../electron/main/csp';
import { createRendererFileHandler, resolveRendererPath } from '../../../../../electron/main/protocol/renderer-files';
import { contentTypeOf } from '../../../../../electron/main/protocol/mime-types';

// A built renderer folder with a secret beside it: nothing outside `renderer/` may ever be served.
const base = mkdtempSync(join(tmpdir(), 'rd-app-scheme-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Relay Doctor</title>');
writeFileSync(join(root, 'assets', 'index-ByDPP0vh.js'), 'export {};');
writeFileSync(join(root, 'assets', 'index-CQrdz0i_.css'), 'body{}');
writeFileSync(join(root, 'assets', 'tool.exe'), 'MZ');
writeFileSync(join(base, 'secret.txt'), 'SECRET');
writeFileSync(join(base, 'renderer-evil.txt'), 'SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createRendererFileHandler(root);
const get = (url: string, method = 'GET'): Promise<Response> => serve(new Request(url, { method }));

describe('app:// renderer files', () => {
  it('serves the page for / and /index.html as HTML, with the CSP header as the authority', async () => {
    for (const url of ['app://relay-doctor/', 'app://relay-doctor/index.html', 'app://relay-doctor/index.html?x=1#/step']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('Relay Doctor');
    }
    expect(PRODUCTION_CSP).toContain("connect-src 'none'");
  });

  it('gives scripts and styles their own content types', async () => {
    const js = await get('app://relay-doctor/assets/index-ByDPP0vh.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const css = await get('app://relay-doctor/assets/index-CQrdz0i_.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('refuses every spelling of a way out of the renderer folder', async () => {
    const attempts = [
      'app://relay-doctor/../secret.txt',
      'app://relay-doctor/%2e%2e/secret.txt',
      'app://relay-doctor/assets/..%2f..%2fsecret.txt',
      'app://relay-doctor/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://relay-doctor/..%5csecret.txt',
      'app://relay-doctor//etc/passwd',
      `app://relay-doctor/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://relay-doctor/C:%5CWindows%5Cwin.ini',
      'app://relay-doctor/index.html%00.js',
      'app://relay-doctor/..%2frenderer-evil.txt',
      'app://relay-doctor/assets/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.status, url).not.toBe(200);
      expect(await res.text(), url).not.toContain('SECRET');
    }
    // (`..` and `%2e%2e` are already folded away by URL parsing; an encoded separator reaches us and is refused.)
    expect((await get('app://relay-doctor/..%2fsecret.txt')).status).toBe(403);
  });

  it('refuses hidden files, Windows device names and types the renderer never emits', async () => {
    expect((await get('app://relay-doctor/.env.js')).status).toBe(403);
    expect((await get('app://relay-doctor/assets/CON.js')).status).toBe(403);
    expect((await get('app://relay-doctor/assets/tool.exe')).status).toBe(404);
    expect((await get('app://relay-doctor/assets')).status).toBe(404);
  });

  it('answers a missing file with 404 and never throws', async () => {
    const res = await get('app://relay-doctor/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('serves only its own host and only GET', async () => {
    expect((await get('app://other-host/index.html')).status).toBe(400);
    expect((await get('app://relay-doctor/index.html', 'POST')).status).toBe(405);
  });
});

describe('resolveRendererPath', () => {
  it('maps a URL to the file inside the root', () => {
    expect(resolveRendererPath(root, 'app://relay-doctor/assets/index-ByDPP0vh.js')).toEqual({ ok: true, value: join(root, 'assets', 'index-ByDPP0vh.js') });
    for (const url of ['https://relay-doctor/index.html', 'app://user:pw@relay-doctor/index.html', 'nonsense']) {
      expect(resolveRendererPath(root, url), url).toEqual({ ok: false, error: { code: 'protocol.foreignHost' } });
    }
  });
});

describe('contentTypeOf', () => {
  it('knows what Vite emits and nothing else', () => {
    expect(contentTypeOf('read.worker-CZERVBvR.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('DejaVuSans.woff2')).toBe('font/woff2');
    expect(contentTypeOf('logo.SVG')).toBe('image/svg+xml');
    for (const name of ['tool.exe', 'noextension', '.js', 'archive.zip']) expect(contentTypeOf(name), name).toBeNull();
  });
});
