/**
 * Turns a name from inside a zip into a relative path we can use as a display name, or null when it is
 * unsafe. Names inside an archive are attacker-controlled: Windows' Compress-Archive (PowerShell 5.1) writes
 * backslashes, and crafted archives use `..`, absolute paths, drive letters or UNC prefixes to escape the
 * folder they are extracted to ("zip slip"). We never extract, but the names reach reports and the file
 * system of whoever saves them, so we refuse the whole archive rather than guess.
 */
export function safeEntryPath(rawName: string): string | null {
  if (/[\u0000-\u001F]/.test(rawName)) return null;
  const name = rawName.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return null;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts.join('/');
}
