/**
 * Main's own consent before any connection the page asks for (issue 19 item 5). The page shows a notice too,
 * but a compromised page could skip it and call the channel directly; this question is asked by main, in a
 * native dialog the page cannot draw over or answer, and names exactly what main is about to contact and send.
 * No `electron` import: the handlers and the Playwright harness share it (only the dialog differs).
 */

/** What main is about to do, with the values it will really use (defaults already applied). */
export type ConnectionConsentRequest =
  | { readonly kind: 'probe'; readonly host: string; readonly port: number; readonly implicitTls: boolean; readonly heloName: string }
  | { readonly kind: 'aia'; readonly urls: readonly string[] }
  | {
      readonly kind: 'relay';
      readonly host: string;
      readonly port: number;
      readonly heloName: string;
      readonly mailFrom: string;
      readonly rcptTo: string;
    };

/** Asks the user; resolves true only when they chose to connect. Never throws for a "no". */
export type ConfirmConnection = (request: ConnectionConsentRequest) => Promise<boolean>;

/**
 * The stable code a refused consent returns to the page, as a Result value (not a throw). It is an i18n key
 * (`consent.refused.title|detail`), so the page's usual failure display explains it without a mapping.
 */
export const CONSENT_REFUSED = 'consent.refused' as const;

/**
 * One question at a time: while a consent dialog is open, a further request is refused at once instead of
 * stacking dialogs (a page looping on a channel cannot bury the user in prompts). A throwing dialog is a "no".
 */
export function oneConsentAtATime(confirm: ConfirmConnection): ConfirmConnection {
  let open = false;
  return async (request) => {
    if (open) return false;
    open = true;
    try {
      return (await confirm(request)) === true;
    } catch {
      return false;
    } finally {
      open = false;
    }
  };
}
