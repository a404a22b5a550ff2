import type { DiagBridge } from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/i18n/locales';

/**
 * Main's own strings (menus, native dialogs) follow the page's language: told once at startup and again on
 * every change, whether the admin switched it or it followed the OS locale reported by app:info.
 * Returns the function that stops following.
 */
export function followLocaleInMain(api: Pick<DiagBridge, 'appSetLocale'>, locale: () => Locale): () => void {
  return $effect.root(() => {
    $effect(() => {
      void api.appSetLocale({ locale: locale() });
    });
  });
}
