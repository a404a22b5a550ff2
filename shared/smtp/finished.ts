import type { SmtpSession } from './types';
import { isRelevant } from './relevance';
import { compactSession, keyLines } from './compact';
import { SessionFolder, shapeOf } from './fold';

/**
 * Where a log parser puts the sessions it has rebuilt, whatever the log format: a complete session that
 * concerns neither Exchange Online nor an error is counted and dropped; a relevant one is kept, or on large
 * analyses compacted (compact.ts) and folded into an identical one (fold.ts). `copy` detaches what is kept
 * from the decoded text it was cut from, where the parser needs that.
 */
export class FinishedSessions {
  readonly done: SmtpSession[] = [];
  skipped = 0;
  compacted = 0;
  readonly #folder = new SessionFolder();
  readonly #compact: boolean;
  readonly #copy: (session: SmtpSession) => SmtpSession;

  constructor(compact: boolean, copy: (session: SmtpSession) => SmtpSession = (session) => session) {
    this.#compact = compact;
    this.#copy = copy;
  }

  /** Complete relevant sessions counted on an identical kept one (large analyses). */
  get folded(): number {
    return this.#folder.folded;
  }

  /** A whole conversation: kept, compacted, folded or dropped as irrelevant. */
  complete(session: SmtpSession): void {
    if (!isRelevant(session)) {
      this.skipped++;
      return;
    }
    if (!this.#compact) {
      this.done.push(this.#copy(session));
      return;
    }
    // The compacted session's shape is read off its key lines: most sessions of a large log are folded, and
    // only the ones kept are compacted (copies of their lines without times) and copied.
    const keys = keyLines(session);
    this.compacted++;
    if (this.#folder.fold(session, 1, shapeOf(session, keys))) return;
    const kept = this.#copy(compactSession(session, keys));
    this.#folder.kept(kept);
    this.done.push(kept);
  }

  /** Part of a conversation (it goes on in a neighbouring file): kept whole, to be joined. */
  partial(session: SmtpSession): void {
    this.done.push(this.#copy(session));
  }
}
