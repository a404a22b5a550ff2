import type { Reader } from '../../model/reader';
import { headText, isUtf16, utf8TextPieces } from '../text';
import { parseIisSmtpLog, parseIisSmtpLogText } from './parse';
import { smtpLogOutput } from '../log-output';
import { countedPieces } from '../../model/pieces';
import { isLargeAnalysis } from '../compact';
import { NCSA_SMTP_LINE } from './ncsa';

/** IIS SMTP (SMTPSVC) logs in W3C extended, Microsoft IIS or NCSA Common format (domain.md §5.2). */
export const iisSmtpLogReader: Reader = {
  id: 'smtp.iisW3cLog',
  kind: 'smtpLog',
  sniff(input) {
    const head = headText(input.bytes);
    const w3c = /^#Fields:\s*(date\s+)?time\s+c-ip\s/m.test(head) || /^#Fields:.*\bcs-method\b/m.test(head);
    const smtp = /OutboundConnection(Command|Response)/.test(head) || /\bSMTPSVC\d*\b/.test(head);
    if (w3c && smtp) return 10;
    // Microsoft IIS log format: `ip, user, date, time, SMTPSVC1, …`
    if (/^[0-9A-Fa-f.:]+, [^,]*, \d{1,2}\/\d{1,2}\/\d{2,4}, [\d:]+, SMTPSVC\d*, /m.test(head)) return 9;
    // NCSA Common: `ip - user [14/May/2024:10:20:11 +0200] "EHLO -?…"`, only with an SMTP verb or an
    // outbound event, so an HTTP NCSA log is never claimed. As unambiguous as the Microsoft IIS format.
    if (NCSA_SMTP_LINE.test(head)) return 9;
    // Lines without the header (a pasted excerpt) still name the outbound events.
    if (smtp && /OutboundConnection(Command|Response)/.test(head)) return 4;
    return 0;
  },
  async read(input, options) {
    const compact = isLargeAnalysis(options.totalBytes, input.bytes.length);
    return smtpLogOutput(input.name, 'iis', parseIisSmtpLog(input.name, input.bytes, { compact }), options);
  },
  // SMTPSVC writes ANSI or UTF-8 (`u_ex…`); a UTF-16 file (a PowerShell redirection) is loaded whole instead.
  stream: {
    accepts: (head) => !isUtf16(head),
    async read(input, options) {
      const compact = isLargeAnalysis(options.totalBytes, input.size);
      const pieces = countedPieces(input.pieces, input.size, options.onProgress);
      return smtpLogOutput(input.name, 'iis', parseIisSmtpLogText(input.name, utf8TextPieces(pieces), { compact }), options);
    },
  },
};
