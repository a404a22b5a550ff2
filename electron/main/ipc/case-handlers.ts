import { access } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { CASE_FILE_EXTENSION, type CaseContent } from '../../../shared/case/ipc';
import type { Report } from '../../../shared/model/report';
import { err, ok } from '../../../shared/result';
import { caseEvidenceBytes, loadCase, saveCase, toCaseEvidence } from '../../services/case-file';
import type { WriteGrants } from '../write-grants';

export interface CaseHandlerDeps {
  /** Native save dialog; the chosen path, `null` when cancelled. */
  pickSavePath(options: { suggestedName: string; extension: string }): Promise<string | null>;
  /** Native open dialog for one case file; the chosen path, `null` when cancelled. */
  pickCasePath(options: { extension: string }): Promise<string | null>;
  /**
   * True where the save dialog itself asks before replacing a file (Electron's does on every platform with
   * showOverwriteConfirmation): the admin already agreed, so asking again in the page would be a double prompt.
   */
  saveDialogConfirmsReplace?: boolean;
  /** The save time written into the file; the clock unless a test fixes it. */
  now?: () => Date;
}

type CaseHandlers = {
  'case:save': (req: RequestOf<'case:save'>) => Promise<ResponseOf<'case:save'>>;
  'case:open': (req: RequestOf<'case:open'>) => Promise<ResponseOf<'case:open'>>;
};

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `case:save` and `case:open` over electron/services/case-file.ts (relay-doctor/case@1, atomic write,
 * zod-checked load). Main sees only the path the admin picked (its folder becomes a write grant); the renderer
 * gets back a name, never a path.
 */
export function createCaseHandlers(deps: CaseHandlerDeps, grants: WriteGrants): CaseHandlers {
  return {
    'case:save': async ({ content, suggestedName, overwrite }) => {
      const picked = await deps.pickSavePath({ suggestedName, extension: CASE_FILE_EXTENSION });
      if (picked === null) return err({ code: 'case.cancelled' });
      // GTK's dialog does not add the filter's extension; a case without one would not show in the open filter.
      const path = extname(picked) ? picked : `${picked}.${CASE_FILE_EXTENSION}`;
      const name = basename(path);
      // The dialog's folder is the grant; the file (extension added or not) must stay in it.
      if (!grants.grant(dirname(picked)) || !grants.allows(path)) return err({ code: 'case.outsideChosenFolder', params: { name } });
      // The renderer's own "Replace?" (overwrite) is for dialogs that do not ask themselves.
      if (!overwrite && !deps.saveDialogConfirmsReplace && (await exists(path))) return err({ code: 'case.exists', params: { name } });
      const saved = await saveCase(
        path,
        {
          symptom: content.symptom,
          stepIndex: content.stepIndex,
          ...(content.step ? { step: content.step } : {}),
          answers: content.answers,
          evidence: content.evidence.map((e) => toCaseEvidence(e.name, e.source, e.bytes, e.role)),
          report: content.report,
          ...(content.baseline ? { baseline: content.baseline } : {}),
          ...(content.trusted?.length ? { trusted: content.trusted.map((e) => toCaseEvidence(e.name, 'file', e.bytes)) } : {}),
        },
        deps.now?.() ?? new Date(),
      );
      return saved.ok ? ok({ name }) : saved;
    },

    'case:open': async () => {
      const path = await deps.pickCasePath({ extension: CASE_FILE_EXTENSION });
      if (path === null) return err({ code: 'case.cancelled' });
      const loaded = await loadCase(path);
      if (!loaded.ok) return loaded;
      const doc = loaded.value;
      const content: CaseContent = {
        symptom: doc.symptom,
        stepIndex: doc.stepIndex,
        ...(doc.step ? { step: doc.step } : {}),
        answers: doc.answers,
        evidence: doc.evidence.map((e) => ({ name: e.name, source: e.source, bytes: caseEvidenceBytes(e), ...(e.role ? { role: e.role } : {}) })),
        report: doc.report,
        ...(doc.baseline ? { baseline: doc.baseline as Report } : {}),
        ...(doc.trusted?.length ? { trusted: doc.trusted.map((e) => ({ name: e.name, bytes: caseEvidenceBytes(e) })) } : {}),
      };
      return ok({ name: basename(path), savedAt: doc.savedAt, content });
    },
  };
}
