import { err, ok } from '../result';
import type { Reader } from '../model/reader';
import { listZip } from './read-zip';
import { DamagedInputError, type DeferredInput } from '../model/input';

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** How many zips this input sits inside: `a.zip/b.zip/c.zip` is at depth 2. */
function nesting(name: string): number {
  return (name.match(/\.zip\//gi) ?? []).length;
}

/**
 * A container reader: a zip (such as the one collect-evidence.ps1 writes) hands its files back to the engine,
 * which reads each as an input named `<zip>/<path>`. Nested zips are read too, up to maxNestingDepth levels —
 * the bound that stops a zip quine (an archive that contains itself) from looping forever.
 */
export const zipReader: Reader = {
  id: 'zip',
  kind: 'container',
  sniff(input) {
    if (startsWith(input.bytes, LOCAL_HEADER) || startsWith(input.bytes, EMPTY_ARCHIVE)) return 3;
    return /\.zip$/i.test(input.name) ? 1 : 0;
  },
  async read(input, options) {
    if (nesting(input.name) >= options.limits.maxNestingDepth) {
      return err({ code: 'input.tooDeep', params: { limit: options.limits.maxNestingDepth } });
    }
    const zip = listZip(input.bytes, options.limits);
    if (!zip.ok) return zip;
    // Entries are inflated one at a time, when the engine gets to each: a zip of a thousand logs never sits
    // inflated in memory at once. One that turns out damaged is reported as such, the others still read.
    // Every entry also comes in pieces, so the engine judges it from its first megabyte and stops inflating
    // one that no reader wants (a gigabyte of zeros named SEND….LOG), and streams a large log.
    const children = zip.value.entries.map(
      (entry): DeferredInput => ({
        name: entry.name,
        size: entry.size,
        load: async () => {
          const bytes = entry.bytes();
          if (bytes === 'damaged') throw new DamagedInputError();
          return bytes;
        },
        pieces: entry.pieces,
      }),
    );
    return ok({
      evidence: [],
      items: children.length,
      children,
      ...(zip.value.warnings.length ? { warnings: zip.value.warnings } : {}),
    });
  },
};
