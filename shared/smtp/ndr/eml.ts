import PostalMime from 'postal-mime';
import type { NdrMessage } from '../types';
import { decodeText } from '../text';
import { ndrFacts, type NdrFacts } from './fields';
import { htmlToText } from './html';

/** MIME parts that can carry delivery-status fields or the readable failure text. */
const TEXTUAL = /^(text\/|message\/(global-)?delivery-status|message\/rfc822|message\/global|text\/rfc822-headers|message\/feedback-report)/i;

function partText(content: ArrayBuffer | Uint8Array | string): string {
  if (typeof content === 'string') return content;
  return decodeText(content instanceof Uint8Array ? content : new Uint8Array(content));
}

/**
 * How many lines postal-mime is given. It joins the body of a 7bit/8bit part through a Blob of two pieces per
 * line (the line and its newline), about 15 µs a line here whatever the line's length: a fuzzed bounce of
 * 250,000 `--b--` lines took 3–7 s inside the library. The failure text, the delivery-status part and the
 * returned headers come first in a bounce (RFC 6522); only a returned message's body runs this long, so the
 * lines past this count are read as raw text below instead of being parsed as MIME.
 */
export const MAX_MIME_LINES = 32_768;

/** `bytes` cut after its `max`-th line feed: the head for the MIME parser, and the rest. */
function splitAfterLines(bytes: Uint8Array, max: number): { head: Uint8Array; rest: Uint8Array } {
  let at = -1;
  for (let n = 0; n < max; n++) {
    at = bytes.indexOf(10, at + 1);
    if (at === -1) return { head: bytes, rest: bytes.subarray(bytes.length) };
  }
  return { head: bytes.subarray(0, at + 1), rest: bytes.subarray(at + 1) };
}

/**
 * One RFC 5322 message (.eml) through postal-mime, which decodes transfer encodings and charsets: the body
 * text, the delivery-status part and any attached or returned message are all read for DSN fields.
 */
export async function readEml(bytes: Uint8Array, index = 0): Promise<NdrMessage> {
  // postal-mime re-parses every inline message/rfc822 with a parser of its own, up to 10 levels by default:
  // a bounce nesting returned messages in returned messages cost 10× its size, ~15 s CPU for 2.6 MB (fuzzer,
  // issue 12). A bounce returns one message, which may carry one more; deeper ones stay attachments, and
  // attachments of message/rfc822 type are still read for fields below (TEXTUAL).
  const { head, rest } = splitAfterLines(bytes, MAX_MIME_LINES);
  const email = await PostalMime.parse(head, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 64, maxRfc822NestingDepth: 2 });
  const facts: NdrFacts = { recipients: [], replies: [], statusCodes: [] };
  // Report parts first: their fields are the machine-readable truth; the readable text adds what they lack.
  const parts = [...email.attachments].sort((a, b) => rank(a.mimeType) - rank(b.mimeType));
  for (const part of parts) if (TEXTUAL.test(part.mimeType)) ndrFacts(partText(part.content), facts);
  if (email.text) ndrFacts(email.text, facts);
  else if (email.html) ndrFacts(htmlToText(email.html), facts);
  // Some gateways put DSN fields in the top-level header block itself.
  ndrFacts(email.headers.map((h) => `${h.originalKey}: ${h.value}`).join('\n'), facts);
  // A boundary that does not match its header (seen in real bounces) hides every part from the MIME parser;
  // the raw text still holds the fields.
  if (facts.statusCodes.length === 0) ndrFacts(decodeText(bytes), facts);
  // Fields beyond the lines the parser saw are still read, as raw text (this fallback reads them all).
  else if (rest.length > 0) ndrFacts(decodeText(rest), facts);
  // A bounce goes back to the refused message's envelope sender (RFC 3464 §2): its To is the P1 MAIL FROM,
  // which the relay OR rule weighs (domain.md §11.2). The returned headers' From is only the P2 sender.
  const returnedTo = email.to?.find((a) => typeof a.address === 'string' && a.address.includes('@'))?.address;
  return { ...toMessage(facts, index, email.subject, isoDate(email.date)), ...(returnedTo ? { envelopeSender: returnedTo.toLowerCase() } : {}) };
}

/** The Date header as ISO-8601, when it parses: how old the refusal is (domain.md §11.1 "Time"). */
function isoDate(date: string | undefined): string | undefined {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function rank(mime: string): number {
  return /delivery-status/i.test(mime) ? 0 : 1;
}

export function toMessage(facts: NdrFacts, index: number, subject?: string, date?: string): NdrMessage {
  return {
    index,
    ...(subject ? { subject } : {}),
    ...(date ? { date } : {}),
    ...(facts.reportingMta ? { reportingMta: facts.reportingMta } : {}),
    ...(facts.generatingServer ? { generatingServer: facts.generatingServer } : {}),
    ...(facts.remoteServer ? { remoteServer: facts.remoteServer } : {}),
    recipients: facts.recipients,
    replies: facts.replies,
    statusCodes: facts.statusCodes,
  };
}
