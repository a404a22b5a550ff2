import type { SmtpReply } from '../../../../shared/network/types';

export type { SmtpReply };

const LINE = /^(\d{3})([ -])(.*)$/;
const BARE = /^(\d{3})$/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})\b/;

export type ReplyParse =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'reply'; readonly reply: SmtpReply; readonly consumed: number }
  | { readonly kind: 'malformed'; readonly line: string };

/**
 * Reads one reply from the front of `lines` (already split, without CR/LF). A reply ends with a line whose
 * fourth character is a space (or a bare code); all its lines must carry the same code.
 */
export function parseReply(lines: readonly string[]): ReplyParse {
  const texts: string[] = [];
  let code: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const bare = BARE.exec(raw);
    const m = bare ? [raw, bare[1], ' ', ''] : LINE.exec(raw);
    if (!m || (code !== undefined && m[1] !== code)) return { kind: 'malformed', line: raw };
    code = m[1] ?? '';
    texts.push(m[3] ?? '');
    if (m[2] === ' ') {
      const enhanced = ENHANCED.exec(texts[0] ?? '')?.[1];
      const reply: SmtpReply = { code: Number(code), lines: texts, ...(enhanced ? { enhanced } : {}) };
      return { kind: 'reply', reply, consumed: i + 1 };
    }
  }
  return { kind: 'incomplete' };
}

/** EHLO keywords (upper-case first word of every line after the greeting line): `STARTTLS`, `SIZE`, … */
export function ehloCapabilities(reply: SmtpReply): string[] {
  return reply.lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
}

export function offersStartTls(capabilities: readonly string[]): boolean {
  return capabilities.some((c) => c.split(/\s+/)[0]?.toUpperCase() === 'STARTTLS');
}

export function replyText(reply: SmtpReply): string {
  return `${reply.code} ${reply.lines.join(' / ')}`.trim();
}
