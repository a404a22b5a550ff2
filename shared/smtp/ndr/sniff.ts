import { ENHANCED_STATUS } from '../reply';

/** Lines that only NDRs and DSNs contain (RFC 3464 fields, Exchange's readable report). */
const NDR_MARKERS = [
  /^Diagnostic-Code:/im,
  /^Final-Recipient:/im,
  /^Reporting-MTA:/im,
  /^Status:\s*[245]\.\d{1,3}\.\d{1,3}/im,
  /Remote Server returned '/i,
  /^\s*Generating server:/im,
  /Diagnostic information for administrators/i,
  /Delivery has failed to these recipients/i,
  /report-type="?delivery-status/i,
];

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;
const MAIL_HEADERS = /^(Received|Return-Path|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|Delivered-To|X-[A-Za-z-]+):/im;

export function hasNdrMarkers(text: string): boolean {
  return NDR_MARKERS.some((m) => m.test(text));
}

/** An RFC 5322 message: it opens with a header block that has the usual mail headers. */
export function looksLikeMessage(text: string): boolean {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!HEADER_LINE.test(firstLine) && !/^From \S+/.test(firstLine)) return false;
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return MAIL_HEADERS.test(block);
}

/**
 * A bare SMTP failure (`550 5.7.64 …`) pasted on its own, or inside a message trace's `{LED=450 4.4.317 …}`:
 * weak evidence that this is NDR text.
 */
export function hasFailureReply(text: string): boolean {
  return /(^|[\s'"#=])[45]\d\d[ -]/m.test(text) && ENHANCED_STATUS.test(text);
}
