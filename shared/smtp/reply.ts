/** Small facts read out of SMTP reply texts, shared by every log format and the NDR reader. */

/** RFC 3463 enhanced status code: class.subject.detail, subject and detail up to three digits. */
export const ENHANCED_STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const ENHANCED_STATUS_ALL = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;

/**
 * The three-digit reply code at the start of a reply line (`/^([2-5]\d\d)[ -]/`), or undefined. Read digit by
 * digit: a session's replies are asked for their code several times over (status, relevance, compaction, shape),
 * and the regular expression was a tenth of rebuilding a gigabyte log's sessions.
 */
export function replyCode(text: string): number | undefined {
  const hundreds = text.charCodeAt(0) - 48;
  const tens = text.charCodeAt(1) - 48;
  const units = text.charCodeAt(2) - 48;
  const after = text.charCodeAt(3);
  // charCodeAt past the end is NaN, which fails every comparison.
  if (!(hundreds >= 2 && hundreds <= 5 && tens >= 0 && tens <= 9 && units >= 0 && units <= 9)) return undefined;
  return after === 32 || after === 45 ? hundreds * 100 + tens * 10 + units : undefined;
}

const ENHANCED_STATUS_FIRST = new RegExp(ENHANCED_STATUS_ALL.source);

/** The first of enhancedCodes(text), without finding the others. */
export function firstEnhancedCode(text: string): string | undefined {
  const m = ENHANCED_STATUS_FIRST.exec(text);
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : undefined;
}

/** Every enhanced status code in a text, in order, without repeats. */
export function enhancedCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ENHANCED_STATUS_ALL)) {
    const code = `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * Exchange Online Protection's inbound MX hosts and front ends: the suffix after a dot, a space, `[`, `(` or at
 * the start. (It once also matched the labels before the suffix, `(?:[a-z0-9-]+\.)*`, which changes nothing for
 * test() — the dot ending the last label is itself a boundary — but backtracked cubically: a 100 KB line of
 * repeated labels took 4 s of CPU; fuzzer, issue 12.)
 */
const EOP_HOST = /(?:^|[.\s[(])(?:mail\.protection\.outlook\.com|protection\.outlook\.com|mail\.eo\.outlook\.com)\b/i;

export function mentionsExchangeOnline(text: string): boolean {
  return EOP_HOST.test(text);
}

/** The host a 220 banner or 250 greeting names: `220 HOST Microsoft ESMTP …` / `250-HOST Hello [ip]`. */
export function greetingHost(text: string): string | undefined {
  const m = /^(?:220|250)[ -]([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})(?:\s|$)/.exec(text);
  return m?.[1];
}

/** The address in `250-host Hello [203.0.113.10]`: what the server saw as the client's IP. */
export function helloAddress(text: string): string | undefined {
  const m = /^250[ -]\S+ Hello \[([0-9a-fA-F:.]+)\]/.exec(text);
  return m?.[1];
}

/** The host part of `ip:port` / `[v6]:port` endpoint strings. */
export function endpointHost(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(endpoint);
  if (v6) return v6[1];
  const i = endpoint.lastIndexOf(':');
  return i > 0 && endpoint.indexOf(':') === i ? endpoint.slice(0, i) : endpoint;
}
