import type { SmtpLine } from '../types';
import type { SessionDraft } from '../session-build';

/** A session of an Exchange protocol log while its lines are being read. */
export interface Draft {
  sessionId: string;
  connector?: string;
  localEndpoint?: string;
  remoteEndpoint?: string;
  /** Built here and not shared, so toDraft may set their kind in place. */
  lines: Array<{ -readonly [K in keyof SmtpLine]: SmtpLine[K] }>;
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
    lines = order.map((i) => draft.lines[i] as Draft['lines'][number]);
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
