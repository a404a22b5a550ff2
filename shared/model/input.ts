import type { AppError } from '../result';

/** One thing the user gave us: a dropped file, a file inside a folder or zip, or pasted text. */
export interface InputFile {
  /** Display name, unique within one analysis (paths inside folders and zips are kept as `a/b.log`). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Stable input error codes (findings.md "Input errors"). */
export type InputErrorCode =
  | 'input.unrecognized'
  | 'input.damaged'
  | 'input.tooLarge'
  | 'input.passwordRequired'
  | 'input.passwordWrong'
  | 'input.unsafeXml'
  | 'input.tooDeep'
  | 'input.unsafePath'
  | 'input.unreadable';

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
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  maxRecords: 5_000_000,
  maxXmlDepth: 256,
  maxNestingDepth: 64,
  maxZipEntries: 10_000,
  maxZipBytes: 4 * 1024 * 1024 * 1024,
};
