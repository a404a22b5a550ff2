import type { Translate } from '../../../shared/i18n/format';
import type { ConnectionConsentRequest } from './connection-consent';
import { displayHostOf, displayValue } from './display-value';

export interface ConsentDialogText {
  readonly title: string;
  /** The headline: which host(s). */
  readonly message: string;
  /** Everything that will be contacted and sent. */
  readonly detail: string;
  readonly connect: string;
  readonly cancel: string;
}

/** The dialog lists at most this many AIA addresses, then says how many more (the schema allows 20). */
const MAX_LISTED_URLS = 20;

/** The localized words of the consent dialog, every page-supplied value passed through displayValue(). */
export function consentDialogText(request: ConnectionConsentRequest, t: Translate): ConsentDialogText {
  const frame = { title: t('consent.dialog.title'), connect: t('consent.dialog.connect'), cancel: t('consent.dialog.cancel') };
  switch (request.kind) {
    case 'probe': {
      const p = { host: displayValue(request.host), port: request.port, heloName: displayValue(request.heloName), implicit: request.implicitTls ? 'yes' : 'no' };
      return { ...frame, message: t('consent.probe.message', p), detail: t('consent.probe.detail', p) };
    }
    case 'aia': {
      const hosts = [...new Set(request.urls.map(displayHostOf))];
      const listed = request.urls.slice(0, MAX_LISTED_URLS).map((u) => `• ${displayValue(u)}`);
      const more = request.urls.length - listed.length;
      const urls = more > 0 ? [...listed, t('consent.aia.more', { count: more })].join('\n') : listed.join('\n');
      return {
        ...frame,
        message: t('consent.aia.message', { hosts: hosts.join(', '), count: hosts.length }),
        detail: t('consent.aia.detail', { urls, count: request.urls.length }),
      };
    }
    case 'relay': {
      const p = {
        host: displayValue(request.host),
        port: request.port,
        heloName: displayValue(request.heloName),
        mailFrom: displayValue(request.mailFrom),
        rcptTo: displayValue(request.rcptTo),
      };
      return { ...frame, message: t('consent.relay.message', p), detail: t('consent.relay.detail', p) };
    }
  }
}
