import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { GuideDocument } from '../../../shared/guide/model';
import { exportFiles } from '../../services/export';
import { isPackFileName } from '../../../shared/fixpack/pack-file-names';
import { completeFixPack, FIXPACK_ZIP, SWITCHOVER_ZIP } from '../../services/fixpack-export';
import type { WriteGrants } from '../write-grants';
import type { WrittenFolders } from '../written-folders';
import { chosenExportFolder } from './export-target';

export interface FixPackHandlerDeps {
  /** Native folder picker; the chosen parent folder, `null` when cancelled. */
  pickExportFolder(options: { suggestedFolderName: string }): Promise<string | null>;
}

/**
 * `export:fixPack`: adds guide.pdf and fixpack.zip (switch-over.zip for the switch-over pack) to the pack the renderer built (the same completion the
 * CLI uses) and writes everything atomically into `<picked>/<suggestedFolderName>/` (./export-target.ts), never replacing files
 * unless the renderer asks again with `overwrite` after the user agreed.
 */
export function createFixPackHandlers(deps: FixPackHandlerDeps, grants: WriteGrants, written: WrittenFolders): {
  'export:fixPack': (req: RequestOf<'export:fixPack'>) => Promise<ResponseOf<'export:fixPack'>>;
} {
  return {
    'export:fixPack': async (req) => {
      const folder = await chosenExportFolder(deps.pickExportFolder, grants, req.suggestedFolderName);
      if (!folder.ok) return folder;
      const files = await completeFixPack(
        req.files,
        req.guide as GuideDocument,
        new Date(req.generatedAt),
        req.pageSize ? { pageSize: req.pageSize } : {},
        req.pack === 'switchOver' ? SWITCHOVER_ZIP : FIXPACK_ZIP,
      );
      // Replacing an earlier save leaves none of its pack files behind that this pack lacks (a stale fix.ps1).
      const saved = await exportFiles(folder.value, files, { overwrite: req.overwrite, replaces: isPackFileName });
      // "Open folder" may open this folder, and only this one, until the next export (../written-folders.ts).
      if (saved.ok) written.wrote(saved.value.folder);
      return saved;
    },
  };
}
