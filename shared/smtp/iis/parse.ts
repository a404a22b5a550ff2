import type { SmtpLine, SmtpSession } from '../types';
import { bytesSource, forEachTextLine, ownCopy, type TextSource } from '../text';
import { buildSession } from '../session-build';
import { FinishedSessions } from '../finished';
import { NCSA_FIELDS, ncsaValues } from './ncsa';

export interface IisLogParse {
  readonly sessions: SmtpSession[];
  readonly damaged: number;
  readonly skipped: number;
  readonly compacted: number;
  /** Compacted sessions counted on an identical kept one instead of kept (large analyses; fold.ts). */
  readonly folded: number;
}

interface Group {
  id: string;
  role: 'client' | 'server';
  remoteEndpoint?: string;
  lines: SmtpLine[];
  lastCommand?: string;
}

/** The field list of domain.md §5.2, used for pasted lines that come without their `#Fields:` header. */
const DEFAULT_FIELDS =
  'date time c-ip cs-username s-sitename s-computername s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status sc-bytes cs-bytes time-taken cs-version cs-host cs(user-agent) cs(cookie) cs(referer)'.split(' ');

/**
 * The "Microsoft IIS log file format": fixed columns separated by ", ", each line ending in ",". Mapped onto
 * the W3C names so the rest of the parser is shared. Parameters come last and may themselves contain commas.
 */
const IIS_FORMAT_FIELDS =
  'c-ip cs-username date time s-sitename s-computername s-ip time-taken cs-bytes sc-bytes sc-status sc-win32-status cs-method cs-uri-stem cs-uri-query'.split(' ');
const IIS_FORMAT_LINE = /^[0-9A-Fa-f.:]+, [^,]*, \d{1,2}\/\d{1,2}\/\d{2,4}, \d{1,2}:\d\d:\d\d, /;

function iisFormatValues(raw: string): string[] {
  const parts = raw.replace(/,\s*$/, '').split(', ');
  return [...parts.slice(0, IIS_FORMAT_FIELDS.length - 1), parts.slice(IIS_FORMAT_FIELDS.length - 1).join(', ') || '-'];
}

const OUT_COMMAND = 'outboundconnectioncommand';
const OUT_RESPONSE = 'outboundconnectionresponse';

/** W3C writes `-` for an empty field and `+` for a space inside one. */
function field(value: string | undefined, plusIsSpace = true): string {
  if (!value || value === '-') return '';
  return plusIsSpace ? value.replace(/\+/g, ' ') : value;
}

/**
 * Parses an IIS SMTP (SMTPSVC) log (domain.md §5.2): W3C extended (columns from `#Fields:`), the Microsoft
 * IIS format or NCSA Common (both fixed, mapped onto the W3C names; see ncsa.ts). Outbound
 * conversations are rebuilt from OutboundConnectionCommand / OutboundConnectionResponse lines grouped by
 * virtual server, computer and remote address in time order; a new 220 banner (not the answer to STARTTLS)
 * or the line after QUIT starts the next conversation. Inbound lines become server-side conversations per
 * client address, with `sc-status` as the reply.
 */
export function parseIisSmtpLog(source: string, bytes: Uint8Array, options: { readonly compact?: boolean } = {}): IisLogParse {
  return parseIisSmtpLogText(source, bytesSource(bytes), options);
}

/** The same, from a text source that may stream the file. */
export function parseIisSmtpLogText(source: string, read: TextSource, options: { readonly compact?: boolean } = {}): IisLogParse {
  let names: string[] = [];
  let damaged = 0;
  let counter = 0;
  const open = new Map<string, Group>();
  const finished = new FinishedSessions(options.compact === true);

  const close = (key: string): void => {
    const g = open.get(key);
    if (!g) return;
    open.delete(key);
    const session = buildSession({
      sessionId: g.id,
      role: g.role,
      lines: g.lines,
      ...(g.remoteEndpoint ? { remoteEndpoint: g.remoteEndpoint } : {}),
    });
    // IIS logs mark no connect or disconnect: a session ends with QUIT or the next banner, and is whole.
    finished.complete(session);
  };

  forEachTextLine(read, (raw, lineNo) => {
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const m = /^#Fields:\s*(.*)$/i.exec(raw);
      if (m) names = (m[1] ?? '').trim().split(/\s+/).map((n) => n.toLowerCase());
      return;
    }
    const iisFormat = IIS_FORMAT_LINE.test(raw);
    if (iisFormat) names = IIS_FORMAT_FIELDS;
    const ncsa = iisFormat ? undefined : ncsaValues(raw);
    if (ncsa) names = NCSA_FIELDS;
    else if (names === NCSA_FIELDS && !iisFormat) {
      // NCSA lines have a fixed shape; one that is not whole (cut off, mangled) cannot be split by spaces.
      damaged++;
      return;
    }
    const values = ncsa ?? (iisFormat ? iisFormatValues(raw) : raw.trim().split(/\s+/));
    if (!names.length && values.length === DEFAULT_FIELDS.length) names = DEFAULT_FIELDS;
    const get = (name: string) => {
      const i = names.indexOf(name);
      return i < 0 ? undefined : values[i];
    };
    const ip = get('c-ip');
    const user = (get('cs-username') ?? '').toLowerCase();
    if (!names.length || values.length < names.length - 2 || !ip) {
      damaged++;
      return;
    }
    const outbound = user === OUT_COMMAND || user === OUT_RESPONSE;
    const key = [outbound ? 'out' : 'in', get('s-sitename'), get('s-computername'), ip].join('|');
    // W3C writes spaces as `+`; the Microsoft IIS format keeps them (and any real `+`); ncsa.ts has already
    // decoded its query. Copies, so that no kept text pins the decoded chunk it was cut from.
    const plusIsSpace = !iisFormat && !ncsa;
    const method = ownCopy(field(get('cs-method'), plusIsSpace));
    const query = ownCopy(field(get('cs-uri-query'), plusIsSpace));
    const date = get('date');
    const time = get('time');
    // NCSA logs local time with its offset; W3C logs UTC.
    const zone = get('x-utc-offset') ?? 'Z';
    const base = { line: lineNo, ref: `${source}#L${lineNo}`, ...(date && time ? { timestamp: ownCopy(/^\d{4}-/.test(date) ? `${date}T${time}${zone}` : `${date} ${time}`) } : {}) };
    const isResponse = user === OUT_RESPONSE;
    let g = open.get(key);
    // A fresh banner means a new connection, unless it answers STARTTLS.
    const newBanner = isResponse && /^220 /.test(query) && g && !/^STARTTLS$/i.test(g.lastCommand ?? '');
    if (g && (newBanner || /^QUIT$/i.test(g.lastCommand ?? ''))) {
      close(key);
      g = undefined;
    }
    if (!g) {
      const port = get('s-port');
      g = { id: ownCopy(`${get('s-computername') ?? 'iis'}/${ip}/${++counter}`), role: outbound ? 'client' : 'server', lines: [] };
      if (outbound) g.remoteEndpoint = ownCopy(port ? `${ip}:${port}` : ip);
      open.set(key, g);
    }
    if (outbound) {
      if (isResponse) g.lines.push({ ...base, direction: 'received', kind: 'reply', text: query });
      else {
        g.lines.push({ ...base, direction: 'sent', kind: 'command', text: query ? `${method} ${query}` : method });
        g.lastCommand = method;
      }
    } else {
      g.lines.push({ ...base, direction: 'received', kind: 'command', text: query ? `${method} ${query}` : method });
      const status = get('sc-status');
      // The log keeps only the code. The trailing space makes it a reply line as replyCode() reads one
      // (`550 `), so a refused inbound session counts as rejected instead of being dropped as irrelevant.
      if (status && /^[2-5]\d\d$/.test(status)) g.lines.push({ ...base, direction: 'sent', kind: 'reply', text: `${status} ` });
      g.lastCommand = method;
    }
  });
  for (const key of [...open.keys()]) close(key);
  return { sessions: finished.done, damaged, skipped: finished.skipped, compacted: finished.compacted, folded: finished.folded };
}
