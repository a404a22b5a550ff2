/**
 * The names a Relay Doctor pack writes (the fix pack of build-fixpack.ts, the switch-over pack of
 * shared/switchover, each completed with guide.pdf and its zip). When the admin replaces an earlier save, such
 * files that the new pack lacks are removed: a fix.ps1 or an intermediate from another case must never be left
 * beside a guide that does not mention it. Anything else in the folder is the admin's and is never touched.
 */
const FIXED = new Set([
  'guide.pdf',
  'guide.md',
  'guide.html',
  'report.json',
  'fix.ps1',
  'rollback.ps1',
  'collect-evidence.ps1',
  'fixpack.zip',
  'switch-over.ps1',
  'switch-over.zip',
]);

/** intermediateFileName (file-names.ts): `intermediate-<n>-<readable CN>.cer`. */
const INTERMEDIATE = /^intermediate-\d+-[a-z0-9._-]+\.cer$/i;

/** True for a name some pack writes (compared without case: Windows and macOS folders ignore it). */
export function isPackFileName(name: string): boolean {
  return FIXED.has(name.toLowerCase()) || INTERMEDIATE.test(name);
}
