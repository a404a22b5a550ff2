import type { NamedBlob } from './dropped-files';

/**
 * The files chosen in a file input, named as a drop names them (dropped-files.ts): a plain pick by the
 * file's name, a folder pick (`webkitdirectory`) by its path from the chosen folder on (`Logs/SmtpSend/x.log`),
 * which is what a dropped folder's entries are called too. The Files themselves are the blobs: nothing is
 * read here, so a gigabyte of logs costs nothing until the worker reads it piece by piece.
 */
export function filesFromPicker(files: FileList | readonly File[] | null): NamedBlob[] {
  return Array.from(files ?? [], (file) => ({ name: file.webkitRelativePath || file.name, blob: file }));
}

/** The evidence extensions as an `accept` hint (`.cer,.crt,…`); browsers still offer "All files". */
export function acceptList(extensions: readonly string[]): string {
  return extensions.map((e) => `.${e}`).join(',');
}
