import { err, ok } from '../result';
import type { Reader } from '../engine/reader';
import { readZip } from './read-zip';

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
    const zip = readZip(input.bytes, options.limits);
    if (!zip.ok) return zip;
    return ok({
      evidence: [],
      items: zip.value.files.length,
      children: zip.value.files,
      ...(zip.value.warnings.length ? { warnings: zip.value.warnings } : {}),
    });
  },
};
