import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { err, ok, type Result } from '../../../shared/result';
import { PRODUCTION_CSP } from '../csp';
import { APP_HOST, APP_PAGE_PATH, APP_SCHEME } from './app-origin';
import { contentTypeOf } from './mime-types';

/** Why a request for an app:// URL got no file; each maps to one HTTP status. */
export type RendererFileRefusal =
  | 'protocol.methodNotAllowed'
  | 'protocol.foreignHost'
  | 'protocol.unsafePath'
  | 'protocol.unknownType'
  | 'protocol.notFound';

const STATUS: Readonly<Record<RendererFileRefusal, number>> = {
  'protocol.methodNotAllowed': 405,
  'protocol.foreignHost': 400,
  'protocol.unsafePath': 403,
  'protocol.unknownType': 404,
  'protocol.notFound': 404,
};

/**
 * One path segment as Vite names its output (`index-ByDPP0vh.js`, `read.worker-….js`): letters, digits and
 * `._~@+-`, not starting with a dot. That alone refuses `.`/`..`, hidden files, an encoded `/` or `\`, a NUL,
 * a Windows drive or stream (`:`) and spaces, whatever percent-encoding carried them in.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]*$/;
/** Windows opens these as devices in any folder and with any extension (`CON.js` is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

function decodedSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!SAFE_SEGMENT.test(segment) || WINDOWS_DEVICE.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The file under `root` that an app:// URL names, or why there is none. Only our host, only safe segments,
 * and — belt and braces — the joined path must still lie inside `root`. `/` is the page itself.
 */
export function resolveRendererPath(root: string, url: string): Result<string, { code: RendererFileRefusal }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return err({ code: 'protocol.foreignHost' });
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username !== '' || u.password !== '') {
    return err({ code: 'protocol.foreignHost' });
  }
  const segments = decodedSegments(u.pathname === '/' ? APP_PAGE_PATH : u.pathname);
  if (!segments || segments.length === 0) return err({ code: 'protocol.unsafePath' });
  const base = resolve(root);
  const path = join(base, ...segments);
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return err({ code: 'protocol.unsafePath' });
  if (contentTypeOf(path) === null) return err({ code: 'protocol.unknownType' });
  return ok(path);
}

/** Headers every app:// response carries: the CSP is the authority (the page's meta tag only repeats it). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': PRODUCTION_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function refusal(code: RendererFileRefusal): Response {
  return new Response(null, { status: STATUS[code], headers: securityHeaders() });
}

/**
 * The app:// handler as a plain function of a fetch Request (what `protocol.handle` passes): GET only, files
 * under the built renderer folder only, each with its content type and the security headers. Nothing is
 * thrown: a refused or missing file is an empty response with a status.
 */
export function createRendererFileHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refusal('protocol.methodNotAllowed');
    const resolved = resolveRendererPath(root, request.url);
    if (!resolved.ok) return refusal(resolved.error.code);
    const path = resolved.value;
    try {
      if (!(await stat(path)).isFile()) return refusal('protocol.notFound');
      const body = await readFile(path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': contentTypeOf(path) ?? 'application/octet-stream' },
      });
    } catch {
      return refusal('protocol.notFound');
    }
  };
}
