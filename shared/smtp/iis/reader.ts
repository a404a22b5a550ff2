import type { Reader } from '../../engine/reader';
import type { InputWarning } from '../../model/input';
import { err, ok } from '../../result';
import { headText } from '../text';
import { parseIisSmtpLog } from './parse';
import { COMPACT_ABOVE_BYTES } from '../compact';
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
    const parsed = parseIisSmtpLog(input.name, input.bytes, { compact: Math.max(input.bytes.length, options.totalBytes ?? 0) > COMPACT_ABOVE_BYTES });
    // Limits.maxRecords (issue 12): more sessions than the limit is refused rather than analysed in part.
    if (parsed.sessions.length > options.limits.maxRecords) return err({ code: 'input.tooLarge', params: { limit: options.limits.maxRecords } });
    if (parsed.sessions.length === 0 && parsed.damaged > 0 && parsed.skipped === 0) return err({ code: 'input.damaged' });
    const warnings: InputWarning[] = [];
    if (parsed.damaged > 0) warnings.push({ code: 'smtp.warning.damagedLines', params: { count: parsed.damaged } });
    if (parsed.skipped > 0) warnings.push({ code: 'smtp.warning.sessionsSkipped', params: { count: parsed.skipped } });
    if (parsed.compacted > 0) warnings.push({ code: 'smtp.warning.sessionsCompacted', params: { count: parsed.compacted } });
    return ok({
      evidence: [{ kind: 'smtpLog', id: `smtpLog:${input.name}`, source: input.name, format: 'iis', sessions: parsed.sessions }],
      items: parsed.sessions.length,
      ...(parsed.damaged ? { damaged: parsed.damaged } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
  },
};
