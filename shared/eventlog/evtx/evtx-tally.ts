import { err, ok, type Result } from '../../result';
import type { InputError, InputWarning } from '../../model/input';
import type { EventRecord } from '../types';
import type { EvtxChunkResult } from './read-evtx';
import type { EvtxFileHeader } from './file-header';

export interface EvtxTallyOptions {
  readonly maxRecords: number;
  readonly signal?: AbortSignal;
  /** Which records to keep; the others are counted in `otherRecords` and dropped at once. Default: all. */
  readonly keep?: (record: EventRecord) => boolean;
}

export interface EvtxReadResult {
  readonly records: EventRecord[];
  /** Records read but not kept (see `keep`). */
  readonly otherRecords: number;
  readonly damaged: number;
  readonly warnings: InputWarning[];
}

/** Detailed warnings kept per file; the rest are summarised, so a wrecked log cannot flood a report. */
const MAX_WARNINGS = 25;

/**
 * A tally as plain data: what one thread that read a share of a file's chunks hands back to be joined with
 * the other shares (structured clone, so no class).
 */
export interface EvtxTallyPart {
  readonly records: EventRecord[];
  readonly otherRecords: number;
  readonly damaged: number;
  readonly chunksRead: number;
  /** The share's first MAX_WARNINGS warnings, and how many more there were. */
  readonly warnings: InputWarning[];
  readonly extraWarnings: number;
  /** Reading stopped early (the record limit, or cancelled): the share cannot be joined exactly. */
  readonly stopped: boolean;
}

/**
 * What a file's chunks add up to, one chunk at a time, whichever way the chunks arrive (a whole file in
 * memory, or pieces streamed from disk): the kept records, the counts and the first warnings.
 */
export class EvtxTally {
  readonly records: EventRecord[] = [];
  private readonly warnings: InputWarning[] = [];
  private otherRecords = 0;
  private damaged = 0;
  private chunksRead = 0;
  private extraWarnings = 0;
  private stopped = false;

  /** `header` is checked for the file's own warning; null for a share after the first (it was checked there). */
  constructor(
    private readonly options: EvtxTallyOptions,
    header: EvtxFileHeader | null,
  ) {
    if (header && !header.checksumValid && header.checksum !== 0) this.note({ code: 'eventlog.evtx.headerChecksum' });
  }

  /** Records read so far, kept or not. */
  get read(): number {
    return this.records.length + this.otherRecords;
  }

  private note(w: InputWarning): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(w);
    else this.extraWarnings++;
  }

  /** Adds one chunk's result; false when reading should stop (the record limit, or the run was cancelled). */
  add(step: Omit<EvtxChunkResult, 'bytesDone'>): boolean {
    const { maxRecords, keep, signal } = this.options;
    if (step.records.length > 0 || step.damaged === 0) this.chunksRead++;
    this.damaged += step.damaged;
    step.warnings.forEach((w) => this.note(w));
    // Records in the order they were read: the built ones and, at their positions, those read but not kept.
    const notKept = step.notKept ?? [];
    for (let seq = 0, built = 0, skipped = 0; seq < step.records.length + notKept.length; seq++) {
      if (this.read >= maxRecords) break;
      if (notKept[skipped] === seq) {
        skipped++;
        this.otherRecords++;
        continue;
      }
      const r = step.records[built++] as EventRecord;
      if (!keep || keep(r)) this.records.push(r);
      else this.otherRecords++;
    }
    if (this.read >= maxRecords) {
      this.note({ code: 'eventlog.tooManyRecords', params: { limit: maxRecords } });
      this.stopped = true;
    } else if (signal?.aborted) {
      this.note({ code: 'eventlog.cancelled', params: { records: this.read } });
      this.stopped = true;
    }
    return !this.stopped;
  }

  /** This tally as plain data (one share of a file). */
  part(): EvtxTallyPart {
    const { records, otherRecords, damaged, chunksRead, warnings, extraWarnings, stopped } = this;
    return { records, otherRecords, damaged, chunksRead, warnings, extraWarnings, stopped };
  }

  /**
   * The tally of a whole file from its shares' tallies, in file order: the same records, counts and warnings
   * as one tally over every chunk (each share kept its own first warnings, so the file's first ones are among
   * them). Null when a share stopped early or the record limit is reached: where the whole read would have
   * stopped depends on chunks another share read, so the caller reads the file whole instead.
   */
  static joined(parts: readonly EvtxTallyPart[], options: EvtxTallyOptions): EvtxTally | null {
    const read = parts.reduce((n, p) => n + p.records.length + p.otherRecords, 0);
    if (parts.some((p) => p.stopped) || read >= options.maxRecords) return null;
    const tally = new EvtxTally(options, null);
    for (const p of parts) {
      for (const r of p.records) tally.records.push(r);
      tally.otherRecords += p.otherRecords;
      tally.damaged += p.damaged;
      tally.chunksRead += p.chunksRead;
      p.warnings.forEach((w) => tally.note(w));
      tally.extraWarnings += p.extraWarnings;
    }
    return tally;
  }

  /**
   * The file is rejected only when no chunk could be read at all (findings.md: input.damaged); everything
   * else was skipped and reported.
   */
  result(): Result<EvtxReadResult, InputError> {
    if (this.read === 0 && this.damaged > 0 && this.chunksRead === 0) return err({ code: 'input.damaged' });
    const warnings = this.extraWarnings > 0 ? [...this.warnings, { code: 'eventlog.moreWarnings', params: { count: this.extraWarnings } }] : this.warnings;
    return ok({ records: this.records, otherRecords: this.otherRecords, damaged: this.damaged, warnings });
  }
}
