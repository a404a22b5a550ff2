import type { Result } from '../result';
import type { Evidence, EvidenceKind } from '../model/evidence';
import type { InputError, InputFile, InputWarning, Limits } from '../model/input';

export interface ReadOptions {
  /** PFX/P12 password; never stored in evidence, reports or case files. */
  readonly password?: string;
  readonly limits: Limits;
  readonly signal?: AbortSignal;
}

export interface ReadOutput {
  readonly evidence: readonly Evidence[];
  /** How many things were read: certificates, records, sessions, messages (report `items`). */
  readonly items: number;
  /** Records, chunks or lines skipped as damaged. */
  readonly damaged?: number;
  readonly warnings?: readonly InputWarning[];
  /** A container (zip) hands back its entries; the engine reads them as inputs of their own. */
  readonly children?: readonly InputFile[];
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
}
