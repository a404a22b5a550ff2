import { join } from 'node:path';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { GuideDocument } from '../../../shared/guide/model';
import { err } from '../../../shared/result';
import { exportFiles, isPlainFileName } from '../../services/export';
import { completeFixPack } from '../../services/fixpack-export';

export interface FixPackHandlerDeps {
  /** Native folder picker; the chosen parent folder, `null` when cancelled. */
  pickExportFolder(options: { suggestedFolderName: string }): Promise<string | null>;
}

/**
 * `export:fixPack`: adds guide.pdf and fixpack.zip to the pack the renderer built (the same completion the
 * CLI uses) and writes everything atomically into `<picked>/<suggestedFolderName>/`, never replacing files
 * unless the renderer asks again with `overwrite` after the user agreed.
 */
export function createFixPackHandlers(deps: FixPackHandlerDeps): {
  'export:fixPack': (req: RequestOf<'export:fixPack'>) => Promise<ResponseOf<'export:fixPack'>>;
} {
  return {
    'export:fixPack': async (req) => {
      if (!isPlainFileName(req.suggestedFolderName)) {
        return err({ code: 'export.unsafeName', params: { name: req.suggestedFolderName } });
      }
      const parent = await deps.pickExportFolder({ suggestedFolderName: req.suggestedFolderName });
      if (parent === null) return err({ code: 'export.cancelled' });
      const files = await completeFixPack(
        req.files,
        req.guide as GuideDocument,
        new Date(req.generatedAt),
        req.pageSize ? { pageSize: req.pageSize } : {},
      );
      return exportFiles(join(parent, req.suggestedFolderName), files, { overwrite: req.overwrite });
    },
  };
}
