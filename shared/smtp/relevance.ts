import type { SmtpSession } from './types';
import { mentionsExchangeOnline, replyCode } from './reply';

/**
 * Whether a session is worth keeping from a large log: it talked to Exchange Online, got a 4xx/5xx reply,
 * failed TLS or logged a certificate. Everything else (internal hops that went fine) is dropped early.
 */
export function isRelevant(session: SmtpSession): boolean {
  if (session.tlsOutcome === 'failed' || session.certificateSent || session.certificateReceived) return true;
  if (session.remoteHost && mentionsExchangeOnline(session.remoteHost)) return true;
  for (const line of session.lines) {
    if (line.kind === 'reply' && (replyCode(line.text) ?? 0) >= 400) return true;
    if (mentionsExchangeOnline(line.text)) return true;
    if (line.kind === 'info' && /[Ee]rror|[Ff]ailed|[Ff]ailure/.test(`${line.text} ${line.context ?? ''}`)) return true;
  }
  return false;
}
