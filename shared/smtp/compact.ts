import type { SmtpLine, SmtpSession } from './types';
import { replyCode } from './reply';

/** Logs larger than this keep only the lines that prove something (memory stays bounded on gigabytes). */
const COMPACT_ABOVE_BYTES = 64 * 1024 * 1024;

/**
 * Whether sessions are kept compact (and folded): decided on the whole analysis, not on one file, so a folder of
 * a thousand 10 MB logs is treated as the gigabyte it is. `fileBytes` counts where no total was given.
 */
export function isLargeAnalysis(totalBytes: number | undefined, fileBytes = 0): boolean {
  return Math.max(fileBytes, totalBytes ?? 0) > COMPACT_ABOVE_BYTES;
}

/** A command's verb, upper-cased ('' when blank). */
function verbOf(text: string): string {
  // Nearly every command starts with a printable ASCII verb ended by a space or the text's end: cut in place.
  // Anything else (leading space, control or non-ASCII characters, which \s and \S class in their own way)
  // goes through the pattern.
  const space = text.indexOf(' ');
  const end = space < 0 ? text.length : space;
  let i = 0;
  while (i < end && text.charCodeAt(i) > 32 && text.charCodeAt(i) < 127) i++;
  if (i === end && end > 0) return text.slice(0, end).toUpperCase();
  return /^\s*(\S+)/.exec(text)?.[1]?.toUpperCase() ?? '';
}

/**
 * The lines findings can point at, in order (the session's own line objects): the banner, the first EHLO,
 * HELO and MAIL, STARTTLS, the greeting that shows the client address, TLS and error notes, and every
 * 4xx/5xx reply. One pass: a command is the first of its verb when its verb was not seen before.
 */
export function keyLines(session: SmtpSession): SmtpLine[] {
  const out: SmtpLine[] = [];
  let replySeen = false;
  let ehloSeen = false;
  let heloSeen = false;
  let mailSeen = false;
  for (const line of session.lines) {
    if (line.kind === 'info') {
      // Certificate lines are summed up in certificateSent/certificateReceived, which keep their references.
      if (/certificate|alternate names/i.test(line.context ?? '')) continue;
      if (/\bTLS\b|[Ee]rror|[Ff]ail/.test(`${line.text} ${line.context ?? ''}`)) out.push(line);
    } else if (line.kind === 'reply') {
      const first = !replySeen;
      replySeen = true;
      if (first || (replyCode(line.text) ?? 0) >= 400 || / Hello \[/.test(line.text)) out.push(line);
    } else if (line.kind === 'command') {
      const verb = verbOf(line.text);
      let key = verb === 'STARTTLS';
      if (verb === 'EHLO') {
        key = !ehloSeen;
        ehloSeen = true;
      } else if (verb === 'HELO') {
        key = !heloSeen;
        heloSeen = true;
      } else if (verb === 'MAIL') {
        key = !mailSeen;
        mailSeen = true;
      }
      if (key) out.push(line);
    }
  }
  return out;
}

/**
 * A finished session reduced to its key lines (keyLines, which a caller that has them already may pass).
 * Derived facts (status, certificate with its line references, TLS outcome) were worked out from all lines.
 */
export function compactSession(session: SmtpSession, keys: readonly SmtpLine[] = keyLines(session)): SmtpSession {
  // Only the first kept line keeps its time (merged sessions are ordered by it); the others drop theirs.
  const lines = keys.map((l, i) => {
    if (i === 0 || l.timestamp === undefined) return l;
    const { timestamp: _dropped, ...rest } = l;
    return rest;
  });
  return { ...session, lines };
}
