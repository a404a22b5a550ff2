/** A file the user gave us, named by its path inside any dropped folder (`logs/SmtpSend/x.log`). */
export interface NamedBlob {
  readonly name: string;
  readonly blob: Blob;
}

function fileOf(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
}

async function walk(entry: FileSystemEntry, out: NamedBlob[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    if (file) out.push({ name: entry.fullPath.replace(/^\/+/, ''), blob: file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches (100 in Chromium) and an empty batch at the end.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/**
 * Every file in a drop, folders included. Entries must be taken synchronously in the drop handler (the
 * DataTransfer is emptied once it returns), so call this before any await.
 */
export function filesFromDrop(transfer: DataTransfer): Promise<NamedBlob[]> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plain.push(file);
    }
  }
  if (entries.length === 0 && plain.length === 0) {
    plain.push(...Array.from(transfer.files));
  }
  return (async () => {
    const out: NamedBlob[] = plain.map((f) => ({ name: f.name, blob: f }));
    for (const entry of entries) await walk(entry, out);
    return out;
  })();
}
