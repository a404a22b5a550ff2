import type { SmtpLine } from '../types';
import type { SessionDraft } from '../session-build';

/**
 * A line of an open session. Its evidence reference `<file>#L<n>` is a getter rather than a string built per
 * line: compaction drops most lines of a large log before anything asks for one (building every reference was
 * about 6 % of rebuilding the relevant sessions). Nothing outside the collector sees these objects: every
 * session it hands on is copied by detach.ts, which writes `ref` from the line number as a plain property
 * (compaction's copies of a line, made with object rest, carry no getter).
 */
export class RecordedLine implements SmtpLine {
  readonly line: number;
  direction: SmtpLine['direction'];
  kind: SmtpLine['kind'];
  readonly text: string;
  // Always own properties, undefined when the log had none: every line has the same shape.
  readonly context: string | undefined;
  readonly timestamp: string | undefined;
  readonly #refPrefix: string;

  constructor(refPrefix: string, line: number, direction: SmtpLine['direction'], kind: SmtpLine['kind'], text: string, context: string | undefined, timestamp: string | undefined) {
    this.#refPrefix = refPrefix;
    this.line = line;
    this.direction = direction;
    this.kind = kind;
    this.text = text;
    this.context = context;
    this.timestamp = timestamp;
  }

  get ref(): string {
    return this.#refPrefix + this.line;
  }
}

/** A session of an Exchange protocol log while its lines are being read. */
export interface Draft {
  sessionId: string;
  connector?: string;
  localEndpoint?: string;
  remoteEndpoint?: string;
  /** Built here and not shared, so toDraft may set their kind in place. */
  lines: RecordedLine[];
  /** Each line's sequence-number, beside the lines rather than in them (no copy to drop it later). */
  seqs: number[];
}

/** The session's lines in conversation order, with commands and replies told apart by the log's role. */
export function toDraft(draft: Draft, role: 'client' | 'server'): SessionDraft {
  // Sorted by sequence-number, ties in file order (lines were pushed in file order); usually already sorted.
  const { seqs } = draft;
  let lines = draft.lines;
  let sorted = true;
  for (let i = 1; i < seqs.length && sorted; i++) sorted = (seqs[i - 1] as number) <= (seqs[i] as number);
  if (!sorted) {
    const order = lines.map((_, i) => i).sort((a, b) => (seqs[a] as number) - (seqs[b] as number) || a - b);
    lines = order.map((i) => draft.lines[i] as RecordedLine);
  }
  for (const line of lines) {
    if (line.direction === 'info') continue;
    const isCommand = (line.direction === 'sent') === (role === 'client');
    line.kind = isCommand ? 'command' : 'reply';
  }
  return {
    sessionId: draft.sessionId,
    role,
    lines,
    ...(draft.connector ? { connector: draft.connector } : {}),
    ...(draft.localEndpoint ? { localEndpoint: draft.localEndpoint } : {}),
    ...(draft.remoteEndpoint ? { remoteEndpoint: draft.remoteEndpoint } : {}),
  };
}
