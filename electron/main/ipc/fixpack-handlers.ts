import { join } from 'node:path';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Evidence } from '../../../shared/model/evidence';
import { err } from '../../../shared/result';
import { exportFiles, isPlainFileName } from '../../services/export';
import { fixPackExportFiles } from '../../services/fixpack-export';

export interface FixPackHandlerDeps {
  /** Native folder picker; the chosen parent folder, `null` when cancelled. */
  pickExportFolder(options: { suggestedFolderName: string }): Promise<string | null>;
}

/**
 * `export:fixPack`: builds the fix pack exactly as the CLI does (electron/services/pdf) from the analysis the
 * renderer made, and writes it atomically into `<picked>/<suggestedFolderName>/`, never replacing files
 * unless the renderer asked again with `overwrite` after the user agreed.
 */
export function createFixPackHandlers(deps: FixPackHandlerDeps): {
  'export:fixPack': (req: RequestOf<'export:fixPack'>) => Promise<ResponseOf<'export:fixPack'>>;
} {
  return {
    'export:fixPack': async (req) => {
      if (!isPlainFileName(req.suggestedFolderName)) {
        return err({ code: 'export.unsafeName', params: { name: req.suggestedFolderName } });
      }
      const built = await fixPackExportFiles(
        {
          report: req.report,
          evidence: req.evidence as readonly Evidence[],
          locale: req.locale,
          ...(req.options ? { options: req.options } : {}),
        },
        req.pageSize ? { pageSize: req.pageSize } : {},
      );
      if (!built.ok) return built;
      const parent = await deps.pickExportFolder({ suggestedFolderName: req.suggestedFolderName });
      if (parent === null) return err({ code: 'export.cancelled' });
      return exportFiles(join(parent, req.suggestedFolderName), built.value, { overwrite: req.overwrite });
    },
  };
}
