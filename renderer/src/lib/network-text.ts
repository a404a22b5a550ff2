import type { AppError } from '../../../shared/result';
import type { SmtpReply } from '../../../shared/network/types';
import { t } from './i18n.svelte';

/**
 * Texts of a network check's failure: `<code>.title` and `<code>.detail` (locales/<lang>/network.json). The
 * service fills the params a code needs; the defaults only keep an unexpected code from breaking the ICU.
 */
export function networkErrorTexts(error: AppError): { title: string; detail: string } {
  const params = { stage: '', detail: '', host: '', port: '', target: '', url: '', ...error.params };
  return { title: t(`${error.code}.title`), detail: t(`${error.code}.detail`, params) };
}

/** `550 5.7.64 TenantAttribution; Relay Access Denied`, as the admin knows it from the NDR. */
export function replyText(reply: SmtpReply): string {
  const first = reply.lines[0] ?? '';
  const enhanced = reply.enhanced && !first.startsWith(reply.enhanced) ? `${reply.enhanced} ` : '';
  return `${String(reply.code)} ${enhanced}${first}`.trim();
}
