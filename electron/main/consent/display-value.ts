/**
 * A value from the page (a host, an address, a URL) made safe to show in a native dialog: the user must read
 * what main will really contact, so nothing in it may rearrange or hide the dialog's own text. Control
 * characters, line and paragraph separators, bidirectional overrides and isolates, and zero-width characters
 * become visible `\u{…}` escapes; an overlong value is cut with an ellipsis.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/gu;

export const MAX_DISPLAY_CHARS = 200;

export function displayValue(value: string, maxChars: number = MAX_DISPLAY_CHARS): string {
  const visible = value.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
  const chars = [...visible];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : visible;
}

/** The host part of a URL for the dialog's headline, or the whole (made safe) text when it does not parse. */
export function displayHostOf(url: string): string {
  try {
    return displayValue(new URL(url).host);
  } catch {
    return displayValue(url);
  }
}
