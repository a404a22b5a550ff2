/**
 * Where the packaged app's page lives: `app://relay-doctor/index.html`, served by main from the built renderer
 * folder (./renderer-files.ts). A privileged standard scheme gives the page a real origin of its own, which
 * `file://` never had (every file URL shares one opaque origin, and the file fuse granted it extra powers).
 * No `electron` import: the sender check and tests use these too.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'relay-doctor';
export const APP_PAGE_PATH = '/index.html';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}${APP_PAGE_PATH}`;

/**
 * True when `url` is the app's own page: scheme and host exactly ours and the page's path (a query or hash is
 * allowed). Node's URL gives a non-special scheme the origin "null", so the parts are compared, not `origin`.
 */
export function isAppPageUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.pathname === APP_PAGE_PATH;
  } catch {
    return false;
  }
}
