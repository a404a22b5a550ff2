import type { FixPackFile } from '../../../shared/fixpack/types';
import type { ExportFile } from '../../../shared/ipc/contract';

/** A pack file's text (the scripts and guides are text; the intermediates are bytes). */
export function packFileText(file: FixPackFile): string {
  return 'text' in file ? file.text : new TextDecoder().decode(file.bytes);
}

/** A pack file's size as written (UTF-8 for text). */
export function packFileSize(file: FixPackFile): number {
  return 'text' in file ? new TextEncoder().encode(file.text).length : file.bytes.length;
}

/** The pack's files as `export:fixPack` carries them to main. */
export function exportFiles(files: readonly FixPackFile[]): ExportFile[] {
  return files.map((f) => ('text' in f ? { name: f.name, text: f.text } : { name: f.name, bytes: f.bytes }));
}
