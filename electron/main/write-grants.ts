import path from 'node:path';

type PathApi = Pick<typeof path, 'isAbsolute' | 'relative' | 'resolve' | 'sep'>;

/**
 * The folders the user chose in main's own dialogs (export folder, the folder of a case file they saved),
 * kept in main for the life of the app. Every write a handler makes is checked against them, so what the
 * page sends (a folder name, a file name) can only ever pick a place *inside* a folder the user chose, never
 * name one: a name that resolves outside (`..`, an absolute path, a drive) is refused before anything is
 * written. The check is lexical (resolved paths); a link the user made inside their own folder is theirs.
 */
export interface WriteGrants {
  /** Records a folder chosen in a native dialog; false (nothing recorded) when the answer is not an absolute path. */
  grant(folder: string): boolean;
  /** True when `target` is a granted folder or lies inside one. */
  allows(target: string): boolean;
}

/** `pathApi` is the platform's `node:path`; tests pass `path.win32` to check Windows paths on Linux. */
export function createWriteGrants(pathApi: PathApi = path): WriteGrants {
  const folders = new Set<string>();
  const inside = (folder: string, target: string): boolean => {
    const rel = pathApi.relative(folder, pathApi.resolve(target));
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(rel));
  };
  return {
    grant(folder) {
      if (folder.length === 0 || folder.includes('\u0000') || !pathApi.isAbsolute(folder)) return false;
      folders.add(pathApi.resolve(folder));
      return true;
    },
    allows(target) {
      if (target.length === 0 || target.includes('\u0000') || !pathApi.isAbsolute(target)) return false;
      for (const folder of folders) if (inside(folder, target)) return true;
      return false;
    },
  };
}
