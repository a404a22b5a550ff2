/**
 * IIS SMTP (SMTPSVC) lines in the NCSA Common log file format, mapped onto the W3C field names the parser
 * already uses (as the Microsoft IIS format is), so grouping and session building stay shared.
 *
 * Documented (winintro.ru mirror of the Exchange 2007 IIS/SMTP docs, pages a413eace-… and 503bbc5e-…;
 * TechNet "NCSA Common Log File Format", cc737651): a fixed, space-separated, headerless layout of
 * client IP, remote log name (always `-`), client domain name, `[dd/Mon/yyyy:hh:mm:ss ±zzzz]` in local time
 * with its GMT offset, the quoted "SMTP protocol command and related information", the SMTP reply code and
 * bytes sent; `-` stands for an empty field. The documented sample is
 * `… [18/Aug/2006:13:17:37 - 0800] "MAIL FROM -? FROM: someone HTTP/1.0" 250 0`: verb (there two words),
 * uri-stem `-`, `?`, parameters with their spaces kept, then a protocol version; the space inside `- 0800`
 * is accepted as printed.
 *
 * Inferred, not documented: that outbound lines carry OutboundConnectionCommand / OutboundConnectionResponse
 * in the user field and the remote reply as parameters, as the other formats do; that the version token may
 * read `SMTP` (the W3C cs-version) rather than `HTTP/1.0`; that an empty parameter list is written as `-?-`,
 * `-?` or just `-`; and that a log which writes `+` for spaces (as W3C does) does so only when no literal
 * space is present. No sitename, computer name, server port, time-taken or Win32 status exists in NCSA.
 */
export const NCSA_FIELDS =
  'c-ip x-rfc931 cs-username date time x-utc-offset cs-method cs-uri-stem cs-uri-query cs-version sc-status sc-bytes'.split(' ');

const STAMP = String.raw`\[(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d\d):(\d\d):(\d\d) ?([+-]) ?(\d\d)(\d\d)\]`;
const NCSA_LINE = new RegExp(String.raw`^(\S+) (\S+) (\S+) ${STAMP} "(.*)" (\d{1,3}|-) (\d+|-)\s*$`);

/** SMTP verbs IIS SMTP logs; an HTTP NCSA log never starts its request with one of these and a `-` stem. */
const VERBS = 'EHLO|HELO|MAIL|RCPT|DATA|BDAT|QUIT|RSET|NOOP|VRFY|EXPN|HELP|AUTH|STARTTLS|TURN|ATRN|ETRN|X-[A-Z0-9-]+|XEXCH50';

/** SMTP rather than HTTP: an outbound event in the user field, or a request shaped `VERB -?…` / `MAIL FROM -?…`. */
export const NCSA_SMTP_LINE = new RegExp(
  String.raw`^\S+ \S+ (?:OutboundConnection(?:Command|Response) ${STAMP} "|\S+ ${STAMP} "(?:${VERBS})(?: [A-Za-z]+)? -[? "])`,
  'im',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const VERSION = / (SMTP|E?SMTP\/\d(?:\.\d)?|HTTP\/\d(?:\.\d)?)$/i;

/** Splits `VERB [WORD] STEM?QUERY [VERSION]` into method, stem, query and version. */
function request(text: string): [string, string, string, string] {
  const version = VERSION.exec(text);
  const rest = version ? text.slice(0, version.index) : text;
  const q = rest.indexOf('?');
  const head = q < 0 ? rest : rest.slice(0, q);
  let query = q < 0 ? '' : rest.slice(q + 1);
  // Only a query without literal spaces can be W3C-style `+` encoded; turning it into spaces here lets the
  // shared code treat the query as plain text.
  if (!query.includes(' ')) query = query.replace(/\+/g, ' ');
  const words = head.trim().split(' ');
  const stem = words.length > 1 ? (words.pop() ?? '-') : '-';
  return [words.join(' ') || '-', stem, query.trim() || '-', version?.[1] ?? '-'];
}

/** The line's values in NCSA_FIELDS order, or undefined when it is not a whole NCSA line. */
export function ncsaValues(raw: string): string[] | undefined {
  const m = NCSA_LINE.exec(raw);
  if (!m) return undefined;
  const [, host, rfc931, user, day, mon, year, hh, mi, ss, sign, oh, om, req, status, bytes] = m;
  const month = MONTHS.indexOf((mon ?? '').toLowerCase()) + 1;
  if (!month || !host || !req) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  return [host, rfc931 ?? '-', user ?? '-', date, `${hh}:${mi}:${ss}`, `${sign}${oh}:${om}`, ...request(req), status ?? '-', bytes ?? '-'];
}
