import type { Evidence } from '../model/evidence';
import { isLargeAnalysis } from './compact';
import { SessionFolder } from './fold';
import type { SmtpLogEvidence } from './types';

/**
 * Identical sessions across the logs of one large analysis. Each log's parser keeps ten examples of every shape
 * and counts the rest on them (fold.ts); a folder of thousands of small logs still kept ten per shape in every
 * file, so memory grew with the number of files (about 30 KB a file: 3,000 logs of 50 KB). This keeps ten per
 * shape and log format in the whole analysis: a complete session beyond them is counted on the last example
 * (with the sessions it already stood for) and dropped. Logs must be given in input order, so the examples are
 * the same whether the files were read one by one or on several threads.
 */
export class CrossLogFolder {
  /** One folder per log format: an IIS session is never counted on an Exchange one. */
  readonly #folders = new Map<SmtpLogEvidence['format'], SessionFolder>();

  /** `evidence` without its complete SMTP sessions that an earlier example now stands for; anything else as it is. */
  add(evidence: Evidence, totalBytes: number): Evidence {
    // Small analyses keep every session whole, as their parsers did (compact.ts).
    if (evidence.kind !== 'smtpLog' || !isLargeAnalysis(totalBytes)) return evidence;
    let folder = this.#folders.get(evidence.format);
    if (!folder) this.#folders.set(evidence.format, (folder = new SessionFolder()));
    const kept = evidence.sessions.filter((session) => {
      if (!session.complete) return true;
      if (folder.fold(session, 1 + (session.alike ?? 0))) return false;
      folder.kept(session);
      return true;
    });
    return kept.length === evidence.sessions.length ? evidence : { ...evidence, sessions: kept };
  }
}
