import type { SmtpSession } from './types';

/** Sessions of one shape kept in full before further ones are only counted (findings cite up to ten). */
export const EXAMPLES_PER_SHAPE = 10;

/**
 * What makes two finished sessions the same story: everything but session id, times, line numbers,
 * references and the local endpoint (a fresh port each time). A gigabyte log of a broken relay is tens of
 * thousands of sessions with a handful of shapes.
 */
export function shapeOf(s: SmtpSession): string {
  const parts: Array<string | number | boolean | undefined> = [
    s.role, s.remoteEndpoint, s.remoteHost, s.observedClientIp, s.connector, s.ehlo, s.startTls, s.tlsOutcome, s.tlsError,
    s.finalReply, s.status, s.complete,
  ];
  for (const cert of [s.certificateSent, s.certificateReceived]) {
    parts.push(cert ? 'cert' : 'none', cert?.subject, cert?.issuer, cert?.serial, cert?.thumbprint, cert?.dnsNames?.join(' '));
  }
  for (const line of s.lines) parts.push(line.direction, line.kind, line.text, line.context);
  return parts.join('\u0000');
}

/**
 * Keeps the first EXAMPLES_PER_SHAPE sessions of each shape and counts the rest on the last example kept
 * (its `alike`): memory follows the number of different stories, not the size of the log, and counts stay
 * exact (a finding's count adds 1 + alike per session).
 */
export class SessionFolder {
  readonly #shapes = new Map<string, { examples: number; last: { alike?: number } }>();
  folded = 0;

  /** Whether `session` was counted on an earlier example (then it need not be kept). */
  fold(session: SmtpSession): boolean {
    const shape = shapeOf(session);
    const seen = this.#shapes.get(shape);
    if (!seen || seen.examples < EXAMPLES_PER_SHAPE) return false;
    seen.last.alike = (seen.last.alike ?? 0) + 1;
    this.folded++;
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
