import type { AppError } from '../result';

/** One thing the user gave us: a dropped file, a file inside a folder or zip, or pasted text. */
export interface InputFile {
  /** Display name, unique within one analysis (paths inside folders and zips are kept as `a/b.log`). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The password typed for this file alone (see DeferredInput.password). */
  readonly password?: string;
}

/**
 * Visits a file's bytes from the start, in order, synchronously, in pieces of any size; a visit that returns
 * `false` stops early (sniffing needs only the head). Callable more than once (a reader may read twice).
 */
export type ByteSource = (visit: (piece: Uint8Array) => boolean | void) => void;

/**
 * A file whose bytes are fetched only when its turn comes: a folder of thousands of logs is never in memory
 * at once (issue 5 item 6). A large one is streamed piece by piece to a reader that can (Exchange protocol
 * logs), else loaded whole just before it is read and dropped after.
 */
export interface DeferredInput {
  readonly name: string;
  readonly size: number;
  /** The whole file; rejects when it cannot be read (moved, locked, no permission). */
  load(): Promise<Uint8Array>;
  /** The file in pieces, where the host can read synchronously (Node, a worker's FileReaderSync). */
  readonly pieces?: ByteSource;
  /**
   * The PFX/P12 password for this file alone, in place of the analysis-wide ReadOptions.password: an admin
   * may drop two PFX files with different passwords. Held in memory only; an entry of a container does not
   * inherit it (a zip's password is not its PFX's).
   */
  readonly password?: string;
}

/**
 * Thrown by a DeferredInput's load or pieces when its bytes turn out damaged while being produced (a zip
 * entry that does not inflate to what its header says): the engine reports input.damaged for that input.
 * A ByteSource visit has no other way out than a throw.
 */
export class DamagedInputError extends Error {
  constructor() {
    super('input.damaged');
    this.name = 'DamagedInputError';
  }
}

/** What the engine takes: bytes in hand, or a file to fetch when its turn comes. */
export type AnyInput = InputFile | DeferredInput;

export function isDeferred(input: AnyInput): input is DeferredInput {
  return 'load' in input;
}

/** An input's size in bytes, known before a deferred one is read. */
export function inputSize(input: AnyInput): number {
  return isDeferred(input) ? input.size : input.bytes.byteLength;
}

/** Stable input error codes (findings.md "Input errors"). */
export type InputErrorCode =
  | 'input.unrecognized'
  | 'input.damaged'
  | 'input.tooLarge'
  | 'input.tooManyCertificates'
  | 'input.passwordRequired'
  | 'input.passwordWrong'
  | 'input.unsafeXml'
  | 'input.tooDeep'
  | 'input.unsafePath'
  | 'input.unreadable'
  | 'input.zipBomb';

export interface InputError extends AppError {
  readonly code: InputErrorCode;
}

/** Something a reader skipped but could go on after (a damaged chunk, an unparsable line). */
export interface InputWarning {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Configurable limits (issue 12); every reader honours the ones that apply to it. */
export interface Limits {
  readonly maxFileBytes: number;
  readonly maxRecords: number;
  readonly maxXmlDepth: number;
  readonly maxNestingDepth: number;
  readonly maxZipEntries: number;
  readonly maxZipBytes: number;
  /**
   * Deferred inputs larger than this are streamed to a reader that can take pieces (else loaded whole):
   * 64 KB pieces decode into strings that die young, where a whole 10 MB log is one long-lived string.
   */
  readonly streamAboveBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  maxRecords: 5_000_000,
  maxXmlDepth: 256,
  maxNestingDepth: 64,
  maxZipEntries: 10_000,
  maxZipBytes: 4 * 1024 * 1024 * 1024,
  streamAboveBytes: 1024 * 1024,
};

/** A file or archive past a byte limit: the message prints the limit as a size ("2 GB"). */
export function tooLargeBytes(limit: number): InputError {
  return { code: 'input.tooLarge', params: { what: 'bytes', limitBytes: limit } };
}

/** A file or archive holding more items (archive entries, log sessions) than Relay Doctor reads from one. */
export function tooManyItems(what: 'entries' | 'sessions', limit: number): InputError {
  return { code: 'input.tooLarge', params: { what, limit } };
}
