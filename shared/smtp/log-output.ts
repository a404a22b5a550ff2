import type { ReadOptions, ReadOutput } from '../model/reader';
import { tooManyItems, type InputError, type InputWarning } from '../model/input';
import { err, ok, type Result } from '../result';
import { sessionCount } from './fold';
import type { SmtpLogEvidence, SmtpSession } from './types';

/** What a log parser tells its reader, whatever the log format. */
export interface SmtpLogParse {
  readonly sessions: readonly SmtpSession[];
  readonly damaged: number;
  readonly skipped: number;
  readonly compacted: number;
  readonly folded: number;
}

/** A parsed SMTP log as a reader's answer: the evidence, its counts, and a warning for each thing left out. */
export function smtpLogOutput(name: string, format: SmtpLogEvidence['format'], parsed: SmtpLogParse, options: ReadOptions): Result<ReadOutput, InputError> {
  // Limits.maxRecords (issue 12): more sessions than the limit is refused rather than analysed in part.
  if (parsed.sessions.length > options.limits.maxRecords) return err(tooManyItems('sessions', options.limits.maxRecords));
  if (parsed.sessions.length === 0 && parsed.damaged > 0 && parsed.skipped === 0) return err({ code: 'input.damaged' });
  const warnings: InputWarning[] = [];
  if (parsed.damaged > 0) warnings.push({ code: 'smtp.warning.damagedLines', params: { count: parsed.damaged } });
  if (parsed.skipped > 0) warnings.push({ code: 'smtp.warning.sessionsSkipped', params: { count: parsed.skipped } });
  if (parsed.compacted > 0) warnings.push({ code: 'smtp.warning.sessionsCompacted', params: { count: parsed.compacted } });
  if (parsed.folded > 0) warnings.push({ code: 'smtp.warning.sessionsFolded', params: { count: parsed.folded } });
  return ok({
    evidence: [{ kind: 'smtpLog', id: `smtpLog:${name}`, source: name, format, sessions: parsed.sessions }],
    items: sessionCount(parsed.sessions),
    ...(parsed.damaged ? { damaged: parsed.damaged } : {}),
    ...(warnings.length ? { warnings } : {}),
  });
}
