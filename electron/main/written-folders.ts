import path from 'node:path';

type PathApi = Pick<typeof path, 'isAbsolute' | 'resolve'>;

/**
 * The folder main itself wrote last (a fix pack or a report export), kept in main for this run. "Open folder"
 * may open only that folder: the renderer is untrusted and names the folder back, so a path it made up, a
 * folder of an earlier save or any folder after a different write is refused (issue 21 item 4).
 */
export interface WrittenFolders {
  /** Records the folder an export has just written; it replaces the one before. */
  wrote(folder: string): void;
  /** True only for the folder the latest export wrote (compared as resolved paths). */
  isLatest(folder: string): boolean;
}

export function createWrittenFolders(pathApi: PathApi = path): WrittenFolders {
  let latest: string | null = null;
  return {
    wrote(folder) {
      latest = pathApi.isAbsolute(folder) ? pathApi.resolve(folder) : null;
    },
    isLatest(folder) {
      if (latest === null || folder.length === 0 || folder.includes('\u0000') || !pathApi.isAbsolute(folder)) return false;
      return pathApi.resolve(folder) === latest;
    },
  };
}
