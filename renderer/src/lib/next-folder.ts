/**
 * The folder name for "Save to a new folder": the suggested name with the next free-looking number
 * (`relay-doctor-fixpack` → `relay-doctor-fixpack-2` → `-3` …). Main still refuses to overwrite, so a name
 * that exists after all only asks again.
 */
export function nextFolderName(current: string): string {
  const m = /^(.*)-(\d+)$/.exec(current);
  return m ? `${m[1]}-${Number(m[2]) + 1}` : `${current}-2`;
}
