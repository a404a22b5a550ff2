import { productName, version } from '../../package.json';
import type { AppInfo } from '../../shared/ipc/contract';

/** The OS language as Node sees it (Electron's main passes `app.getLocale()` instead). */
export function defaultOsLocale(): string {
  return process.env.LC_ALL || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || 'en';
}

/**
 * Name, version and runtime versions for the About view and reports. `process.versions` includes
 * `electron` and `chrome` when this runs in Electron's main process.
 */
export function appInfo(osLocale: string = defaultOsLocale()): AppInfo {
  const versions: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.versions)) if (typeof v === 'string') versions[k] = v;
  return { name: productName, version, versions, platform: process.platform, osLocale };
}
