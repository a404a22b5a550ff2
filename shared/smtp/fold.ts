import type { SmtpLine, SmtpSession } from './types';
import { firstEnhancedCode, replyCode } from './reply';

/** Sessions of one shape kept in full before further ones are only counted (findings cite up to ten). */
export const EXAMPLES_PER_SHAPE = 10;

/**
 * A reply or command as far as it tells the story. A reply that went fine counts by its codes: its text holds
 * what changes with every message (the banner's clock, a queue id); remote host and client address are part
 * of the shape on their own. MAIL FROM counts by the sender's domain (a cause of its own), not by the mailbox
 * or SIZE. Refusals (4xx/5xx) and the server's notes count word for word.
 */
function storyOf(kind: SmtpLine['kind'], text: string): string {
  if (kind === 'reply') {
    const code = replyCode(text) ?? 0;
    return code > 0 && code < 400 ? `${code} ${firstEnhancedCode(text) ?? ''}` : text;
  }
  // The pattern starts with MAIL: other commands (their first letter tells) are passed over.
  const c0 = text.charCodeAt(0);
  const from = kind === 'command' && (c0 === 77 || c0 === 109) ? /^MAIL FROM:\s*<[^>@]*@?([^>]*)>/i.exec(text) : null;
  return from ? `MAIL FROM @${(from[1] ?? '').toLowerCase()}` : text;
}

/**
 * What makes two finished sessions the same story: everything the diagnosis reads (peer, connector, EHLO,
 * TLS, certificates, status, refusals, the sender's domain), but not session id, times, line numbers,
 * references, the local endpoint (a fresh port each time) or what a successful reply says about one message
 * (storyOf). A gigabyte log of a broken relay is tens of thousands of sessions with a handful of shapes.
 */
export function shapeOf(s: SmtpSession, lines: readonly SmtpLine[] = s.lines): string {
  const parts: Array<string | number | boolean | undefined> = [
    s.role, s.remoteEndpoint, s.remoteHost, s.observedClientIp, s.connector, s.ehlo, s.startTls, s.tlsOutcome, s.tlsError,
    s.finalReply === undefined ? undefined : storyOf('reply', s.finalReply), s.status, s.complete,
  ];
  for (const cert of [s.certificateSent, s.certificateReceived]) {
    parts.push(cert ? 'cert' : 'none', cert?.subject, cert?.issuer, cert?.serial, cert?.thumbprint, cert?.dnsNames?.join(' '));
  }
  for (const line of lines) parts.push(line.direction, line.kind, storyOf(line.kind, line.text), line.context);
  return parts.join('\u0000');
}

/**
 * Keeps the first EXAMPLES_PER_SHAPE sessions of each shape and counts the rest on the last example kept
 * (its `alike`): memory follows the number of different stories, not the size of the log, and counts stay
 * exact (a finding's count adds 1 + alike per session).
 */
export class SessionFolder {
  readonly #shapes = new Map<string, { examples: number; last: { alike?: number } }>();
  /** Sessions counted on an example instead of kept. */
  folded = 0;

  /**
   * Whether `session` was counted on an earlier example (then it need not be kept), as `weight` sessions: 1,
   * or 1 + alike for a session that already stands for others (fold-across.ts). A caller that knows the
   * session's shape already passes it.
   */
  fold(session: SmtpSession, weight = 1, shape = shapeOf(session)): boolean {
    const seen = this.#shapes.get(shape);
    if (!seen || seen.examples < EXAMPLES_PER_SHAPE) return false;
    seen.last.alike = (seen.last.alike ?? 0) + weight;
    this.folded += weight;
    return true;
  }

  /** Records a kept session (the caller's own copy, which `fold` may count on). */
  kept(session: SmtpSession): void {
    const shape = shapeOf(session);
    const seen = this.#shapes.get(shape);
    if (seen) {
      seen.examples++;
      seen.last = session as { alike?: number };
      // The key is a fresh string built from the kept copy's own strings, so it pins no decoded text.
    } else this.#shapes.set(shape, { examples: 1, last: session as { alike?: number } });
  }
}

/** How many sessions a list stands for, folded ones included. */
export function sessionCount(sessions: readonly SmtpSession[]): number {
  let n = 0;
  for (const s of sessions) n += 1 + (s.alike ?? 0);
  return n;
}
