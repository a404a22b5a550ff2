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

function isKeyLine(line: SmtpLine, index: number, verb: string, firstOf: Map<string, number>): boolean {
  // Certificate lines are summed up in certificateSent/certificateReceived, which keep their references.
  if (line.kind === 'info') {
    if (/certificate|alternate names/i.test(line.context ?? '')) return false;
    return /\bTLS\b|[Ee]rror|[Ff]ail/.test(`${line.text} ${line.context ?? ''}`);
  }
  if (line.kind === 'reply') {
    return (replyCode(line.text) ?? 0) >= 400 || firstOf.get('reply') === index || / Hello \[/.test(line.text);
  }
  if (line.kind === 'command') {
    return verb === 'STARTTLS' || ((verb === 'EHLO' || verb === 'HELO' || verb === 'MAIL') && firstOf.get(verb) === index);
  }
  return false;
}

/**
 * A finished session reduced to the lines findings can point at: the banner, the first EHLO and MAIL,
 * STARTTLS, the greeting that shows the client address, TLS and error notes, and every 4xx/5xx reply.
 * Derived facts (status, certificate with its line references, TLS outcome) were worked out from all lines.
 */
export function compactSession(session: SmtpSession): SmtpSession {
  const firstOf = new Map<string, number>();
  // Each command's verb is read once, for both uses.
  const verbs = session.lines.map((l) => (l.kind === 'command' ? verbOf(l.text) : ''));
  session.lines.forEach((l, i) => {
    const key = l.kind === 'reply' ? 'reply' : (verbs[i] as string);
    if (key && !firstOf.has(key)) firstOf.set(key, i);
  });
  // Only the first kept line keeps its time (merged sessions are ordered by it); the others drop theirs.
  const lines = session.lines
    .filter((l, i) => isKeyLine(l, i, verbs[i] as string, firstOf))
    .map((l, i) => {
      if (i === 0 || l.timestamp === undefined) return l;
      const { timestamp: _dropped, ...rest } = l;
      return rest;
    });
  return { ...session, lines };
}
