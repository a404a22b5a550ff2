import { join } from 'node:path';
import { err, ok, type AppError, type Result } from '../../../shared/result';
import { isPlainFileName } from '../../services/export';
import type { WriteGrants } from '../write-grants';

/**
 * Where an export goes: `<folder the user picked in main's dialog>/<suggestedFolderName>/`. The page only
 * names the subfolder; the picked folder becomes a write grant and the target must lie inside it
 * (../write-grants.ts), so no name the page sends can move the write elsewhere.
 */
export async function chosenExportFolder(
  pickExportFolder: (options: { suggestedFolderName: string }) => Promise<string | null>,
  grants: WriteGrants,
  suggestedFolderName: string,
): Promise<Result<string, AppError>> {
  if (!isPlainFileName(suggestedFolderName)) return err({ code: 'export.unsafeName', params: { name: suggestedFolderName } });
  const parent = await pickExportFolder({ suggestedFolderName });
  if (parent === null) return err({ code: 'export.cancelled' });
  const target = join(parent, suggestedFolderName);
  if (!grants.grant(parent) || !grants.allows(target)) return err({ code: 'export.outsideChosenFolder', params: { name: suggestedFolderName } });
  return ok(target);
}
