import type { Reader, ReadOptions, ReadOutput } from '../../engine/reader';
import type { ByteSource, InputError, InputWarning } from '../../model/input';
import { err, ok, type Result } from '../../result';
import { headText, isUtf16, utf8TextPieces } from '../text';
import { EXCHANGE_LINE } from './fields';
import { parseExchangeLog, parseExchangeLogText, type ExchangeLogParse } from './parse';
import { COMPACT_ABOVE_BYTES } from '../compact';
import { sessionCount } from '../fold';

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
    const compact = Math.max(input.bytes.length, options.totalBytes ?? 0) > COMPACT_ABOVE_BYTES;
    return outputOf(input.name, parseExchangeLog(input.name, input.bytes, { compact }), options);
  },
  // Exchange writes UTF-8; a UTF-16 file (a PowerShell redirection) is loaded whole instead.
  stream: {
    accepts: (head) => !isUtf16(head),
    async read(input, options) {
      const compact = Math.max(input.size, options.totalBytes ?? 0) > COMPACT_ABOVE_BYTES;
      const pieces = counted(input.pieces, 2 * input.size, options.onProgress);
      return outputOf(input.name, parseExchangeLogText(input.name, utf8TextPieces(pieces), { compact }), options);
    },
  },
};

/** The pieces, telling `report` how far through `expected` bytes the reading is (the parser reads twice). */
function counted(pieces: ByteSource, expected: number, report: ((fraction: number) => void) | undefined): ByteSource {
  if (!report || expected <= 0) return pieces;
  let seen = 0;
  return (visit) =>
    pieces((piece) => {
      seen += piece.byteLength;
      report(seen / expected);
      return visit(piece);
    });
}

function outputOf(name: string, parsed: ExchangeLogParse, options: ReadOptions): Result<ReadOutput, InputError> {
  // Limits.maxRecords (issue 12): more sessions than the limit is refused rather than analysed in part.
  if (parsed.sessions.length > options.limits.maxRecords) return err({ code: 'input.tooLarge', params: { limit: options.limits.maxRecords } });
  if (parsed.sessions.length === 0 && parsed.damaged > 0 && parsed.skipped === 0) return err({ code: 'input.damaged' });
  const warnings: InputWarning[] = [];
  if (parsed.damaged > 0) warnings.push({ code: 'smtp.warning.damagedLines', params: { count: parsed.damaged } });
  if (parsed.skipped > 0) warnings.push({ code: 'smtp.warning.sessionsSkipped', params: { count: parsed.skipped } });
  if (parsed.compacted > 0) warnings.push({ code: 'smtp.warning.sessionsCompacted', params: { count: parsed.compacted } });
  if (parsed.folded > 0) warnings.push({ code: 'smtp.warning.sessionsFolded', params: { count: parsed.folded } });
  return ok({
    evidence: [{ kind: 'smtpLog', id: `smtpLog:${name}`, source: name, format: parsed.format, sessions: parsed.sessions }],
    items: sessionCount(parsed.sessions),
    ...(parsed.damaged ? { damaged: parsed.damaged } : {}),
    ...(warnings.length ? { warnings } : {}),
  });
}
