import type { NdrRecipient } from '../types';
import { enhancedCodes } from '../reply';
import { splitLines } from '../text';

/** What one text (a delivery-status part, a readable NDR body, a pasted excerpt) says about a failure. */
export interface NdrFacts {
  reportingMta?: string;
  generatingServer?: string;
  recipients: NdrRecipient[];
  replies: string[];
  statusCodes: string[];
}

const PER_RECIPIENT = new Map([
  ['final-recipient', 'recipient'],
  ['original-recipient', 'recipient'],
  ['action', 'action'],
  ['status', 'status'],
  ['remote-mta', 'remoteMta'],
  ['diagnostic-code', 'diagnosticCode'],
] as const);

const STATUS_VALUE = /^\s*([245])\.(\d{1,3})\.(\d{1,3})/;

/** RFC 3464 fields, with folded continuation lines joined (RFC 5322 unfolding). */
function unfoldedFields(lines: readonly string[]): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  let last: { name: string; value: string } | undefined;
  for (const line of lines) {
    if (line.trim() === '') {
      // A blank line ends a per-recipient block (RFC 3464 §2.1).
      out.push({ name: '', value: '' });
      last = undefined;
      continue;
    }
    if (last && /^[ \t]+\S/.test(line)) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
    last = m ? { name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').trim() } : undefined;
    if (last) out.push(last);
  }
  return out;
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

/** The reply inside a Diagnostic-Code value: `smtp; 550 5.7.64 …` → `550 5.7.64 …`. */
export function diagnosticReply(value: string): string {
  return value.replace(/^\s*[A-Za-z0-9-]+\s*;\s*/, '').trim();
}

/**
 * Reads DSN fields (RFC 3464), Exchange's readable NDR lines ("Generating server:", "Remote Server returned
 * '…'", the Exchange 2007 `#550 5.1.1 … ##` form) and other MTAs' "said:" lines out of one text.
 */
export function ndrFacts(text: string, into: NdrFacts = { recipients: [], replies: [], statusCodes: [] }): NdrFacts {
  const lines = splitLines(text);
  let current: Record<string, string> | undefined;
  const flush = () => {
    if (current) delete current['originalOnly'];
    if (current && Object.keys(current).length) into.recipients.push(current as NdrRecipient);
    current = undefined;
  };
  for (const { name, value } of unfoldedFields(lines)) {
    if (name === '') {
      flush();
      continue;
    }
    if (name === 'reporting-mta' && !into.reportingMta) into.reportingMta = value.replace(/^\s*dns\s*;\s*/i, '');
    const key = PER_RECIPIENT.get(name as never);
    if (!key) continue;
    if (key === 'status') {
      const m = STATUS_VALUE.exec(value);
      if (!m) continue; // `Status: RO` is an mbox read flag, not a delivery status.
      pushUnique(into.statusCodes, `${m[1]}.${Number(m[2])}.${Number(m[3])}`);
    }
    // Without blank lines, a field seen twice starts the next recipient. Final-Recipient wins over
    // Original-Recipient, whichever comes first.
    const fromOriginal = current?.['originalOnly'] === '1';
    if (current && current[key] !== undefined && !(name === 'final-recipient' && fromOriginal)) flush();
    current ??= {};
    if (name === 'original-recipient') {
      if (current.recipient) continue;
      current['originalOnly'] = '1';
    } else if (name === 'final-recipient') delete current['originalOnly'];
    current[key] = key === 'recipient' ? value.replace(/^\s*rfc822\s*;\s*/i, '') : value;
    if (key === 'diagnosticCode') pushUnique(into.replies, diagnosticReply(value));
  }
  flush();
  readableLines(lines, into);
  for (const reply of into.replies) for (const code of enhancedCodes(reply)) pushUnique(into.statusCodes, code);
  return into;
}

function readableLines(lines: readonly string[], into: NdrFacts): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const gen = /^\s*Generating server:\s*(\S+)/i.exec(line);
    if (gen?.[1] && !into.generatingServer) into.generatingServer = gen[1];
    // The reply may itself contain quotes: take everything up to the last quote of the line.
    const remote = /Remote Server returned '(.*)'/i.exec(line) ?? /Remote Server returned '(.*)$/i.exec(line);
    if (remote?.[1]) pushUnique(into.replies, remote[1].trim());
    const ex2007 = /^\s*#([245]\d\d[ -].*?)(?:\s*##.*)?$/.exec(line);
    if (ex2007?.[1]) pushUnique(into.replies, ex2007[1].trim());
    const said = /\bsaid:\s*([245]\d\d[ -].*)$/i.exec(line);
    if (said?.[1]) pushUnique(into.replies, said[1].trim());
  }
}
