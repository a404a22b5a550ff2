import { app, session, type Session, type WebContents } from 'electron';
import { withCspHeader } from './csp';

/** Only https links leave the app, and none that carry credentials (`https://user:pw@…`). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export interface ExternalOpenerDeps {
  /** Asks the user (a native message box in the app); resolves true to go ahead. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** fiddle's safelyOpenWebURL, plus a confirmation: https only, and only after the user agreed. */
export function createExternalOpener(deps: ExternalOpenerDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) return false;
    if (!(await deps.confirm(url))) return false;
    await deps.open(url);
    return true;
  };
}

/**
 * Navigation guards for any web contents: the page never navigates away (a clicked https link is offered
 * to the browser instead), never opens windows, and never attaches a <webview>.
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<boolean>): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void openExternal(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, notifications, clipboard-read, HID, serial or anything else: deny it all. */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Sends the production CSP with every response the session's web requests see (see csp.ts). The app://
 * handler sets the same header itself (protocol/renderer-files.ts), which is the authority for the page;
 * this covers anything else the session may load.
 */
export function applyCspHeader(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}

/**
 * "No remote content" below the CSP as well: in the packaged app the page is all app:// and nothing it
 * loads may come from a network. (Main's own network work uses Node in electron/services, not this session.)
 */
export function blockRemoteRequests(ses: Session): void {
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/**
 * The session-wide part of style.md §3.4. Call before the first window; `web-contents-created` makes every
 * later web contents (devtools, any future window) get the same guards. `production` (the app loads its
 * own files, not the dev server) adds the CSP header and the network block.
 */
export function setupSecurity(options: { openExternal: (url: string) => Promise<boolean>; production: boolean }): void {
  denyAllPermissions(session.defaultSession);
  if (options.production) {
    applyCspHeader(session.defaultSession);
    blockRemoteRequests(session.defaultSession);
  }
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, options.openExternal);
    denyAllPermissions(contents.session);
  });
}
