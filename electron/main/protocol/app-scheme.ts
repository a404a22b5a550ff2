import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createRendererFileHandler } from './renderer-files';

/**
 * Declares app:// before `ready` (Electron allows it only then): `standard` gives it real origins and relative
 * URLs, `secure` makes it a secure context like https (module scripts, workers), `supportFetchAPI` lets the
 * page's module and worker loads go through it, `codeCache` keeps V8's cache for the bundle. It is not given
 * `bypassCSP`, `corsEnabled` or service workers: the page needs none of them.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: app:// answers from the built renderer folder and nothing else (./renderer-files.ts). */
export function serveAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createRendererFileHandler(rendererRoot));
}
