import { describe, expect, it } from 'vitest';
import { filesFromDrop } from '../../renderer/src/lib/dropped-files';

// jsdom has no drag-and-drop file system, so folders are built from the File and Directory Entries API
// shapes Chromium hands out, including its habit of returning a directory in batches of 100.
function fileEntry(path: string, text: string): FileSystemFileEntry {
  const name = path.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: `/${path}`,
    file: (ok: (f: File) => void) => ok(new File([text], name)),
  } as unknown as FileSystemFileEntry;
}

function dirEntry(path: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 100);
          at += batch.length;
          ok(batch);
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

function transferOf(entries: Array<FileSystemEntry | File>): DataTransfer {
  const items = entries.map((e) =>
    e instanceof File
      ? { kind: 'file', getAsFile: () => e, webkitGetAsEntry: (): FileSystemEntry | null => null }
      : { kind: 'file', getAsFile: () => null, webkitGetAsEntry: (): FileSystemEntry | null => e },
  );
  return { items, files: [] } as unknown as DataTransfer;
}

describe('filesFromDrop', () => {
  it('reads every file of a dropped folder, nested folders and batches of more than 100 included', async () => {
    const logs = Array.from({ length: 150 }, (_, i) => fileEntry(`Logs/SmtpSend/SEND${i}.log`, `line ${i}`));
    const folder = dirEntry('Logs', [dirEntry('Logs/SmtpSend', logs), fileEntry('Logs/readme.txt', 'hi')]);
    const files = await filesFromDrop(transferOf([folder]));
    expect(files).toHaveLength(151);
    expect(files.map((f) => f.name)).toContain('Logs/SmtpSend/SEND149.log');
    expect(files.map((f) => f.name)).toContain('Logs/readme.txt');
  });

  it('takes plain files when the browser gives no entries', async () => {
    const files = await filesFromDrop(transferOf([new File(['x'], 'leaf.cer')]));
    expect(files.map((f) => f.name)).toEqual(['leaf.cer']);
  });
});
