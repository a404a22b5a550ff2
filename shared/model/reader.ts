import type { Result } from '../result';
import type { Evidence, EvidenceKind } from './evidence';
import type { AnyInput, ByteSource, InputError, InputFile, InputWarning, Limits } from './input';

export interface ReadOptions {
  /** PFX/P12 password; never stored in evidence, reports or case files. */
  readonly password?: string;
  readonly limits: Limits;
  readonly signal?: AbortSignal;
  /**
   * Bytes of the whole analysis (every input, containers' entries as they open). Readers that keep less on
   * large analyses (SMTP logs keep only proving lines) decide on this rather than on one file's size: a
   * folder of a thousand 10 MB logs is as large as one 10 GB log.
   */
  readonly totalBytes?: number;
  /** How far through this input the reader is (0..1), where it can tell (streamed logs); for a progress bar. */
  readonly onProgress?: (fraction: number) => void;
}

/** A large file handed to a reader in pieces (DeferredInput.pieces); `head` is its start, for the reader's checks. */
export interface StreamInput {
  readonly name: string;
  readonly size: number;
  readonly head: Uint8Array;
  readonly pieces: ByteSource;
}

export interface ReadOutput {
  readonly evidence: readonly Evidence[];
  /** How many things were read: certificates, records, sessions, messages (report `items`). */
  readonly items: number;
  /** Records, chunks or lines skipped as damaged. */
  readonly damaged?: number;
  readonly warnings?: readonly InputWarning[];
  /** A container (zip) hands back its entries; the engine reads them as inputs of their own, when their turn comes. */
  readonly children?: readonly AnyInput[];
}

/**
 * A reader recognises one family of formats. `sniff` looks at the name and the first bytes and returns how
 * sure it is (0 = not mine, 1 = name only, 2+ = content signature); the engine picks the most certain reader.
 * `read` never throws for bad input: it returns an input.* error.
 */
export interface Reader {
  readonly id: string;
  readonly kind: EvidenceKind | 'container';
  sniff(input: InputFile): number;
  read(input: InputFile, options: ReadOptions): Promise<Result<ReadOutput, InputError>>;
  /**
   * Reads a large file piece by piece with bounded memory, for readers whose format allows it; `accepts`
   * says whether this file's head suits streaming (else the engine loads it whole and calls `read`).
   */
  readonly stream?: {
    accepts(head: Uint8Array): boolean;
    read(input: StreamInput, options: ReadOptions): Promise<Result<ReadOutput, InputError>>;
    /**
     * For formats of independent blocks (.evtx chunks): one large file read by several threads at once (issue
     * 23). `read` reads one share and gives plain data (it crosses threads; null when it could not); `join`
     * makes the shares, in file order, into the output one whole read gives, or null when it cannot be joined
     * exactly (the file is then read whole).
     */
    readonly shares?: {
      /** Whether this file, by its first SHARE_HEAD_BYTES, is worth splitting (kept records cost more to send between threads than to parse). */
      worthIt(head: Uint8Array): boolean;
      read(input: StreamInput, share: ReadShare, options: ReadOptions): Promise<unknown>;
      join(name: string, parts: readonly unknown[], options: ReadOptions): Result<ReadOutput, InputError> | null;
    };
  };
}

/** Share `index` of `count` equal shares of one input (Reader.stream.shares). */
export interface ReadShare {
  readonly index: number;
  readonly count: number;
}
