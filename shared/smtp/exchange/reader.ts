import type { Reader } from '../../model/reader';
import { countedPieces } from '../../model/pieces';
import { headText, isUtf16, utf8TextPieces } from '../text';
import { EXCHANGE_LINE } from './fields';
import { parseExchangeLog, parseExchangeLogText } from './parse';
import { isLargeAnalysis } from '../compact';
import { smtpLogOutput } from '../log-output';

/** Exchange SmtpSend / SmtpReceive protocol logs (domain.md §5.1), whole files, pasted fragments or streamed. */
export const exchangeProtocolLogReader: Reader = {
  id: 'smtp.exchangeProtocolLog',
  kind: 'smtpLog',
  sniff(input) {
    const head = headText(input.bytes);
    if (/^#Log-Type:\s*SMTP (Send|Receive) Protocol Log/m.test(head)) return 10;
    if (/^#Fields:\s*date-time,connector-id,session-id,sequence-number/m.test(head)) return 9;
    if (EXCHANGE_LINE.test(head)) return 6;
    return 0;
  },
  async read(input, options) {
    const compact = isLargeAnalysis(options.totalBytes, input.bytes.length);
    const parsed = parseExchangeLog(input.name, input.bytes, { compact });
    return smtpLogOutput(input.name, parsed.format, parsed, options);
  },
  // Exchange writes UTF-8; a UTF-16 file (a PowerShell redirection) is loaded whole instead.
  stream: {
    accepts: (head) => !isUtf16(head),
    async read(input, options) {
      const compact = isLargeAnalysis(options.totalBytes, input.size);
      // The parser reads the file twice (which sessions to keep, then those sessions).
      const pieces = countedPieces(input.pieces, 2 * input.size, options.onProgress);
      const parsed = parseExchangeLogText(input.name, utf8TextPieces(pieces), { compact });
      return smtpLogOutput(input.name, parsed.format, parsed, options);
    },
  },
};
