/**
 * The fix pack's public API (issue 7). The CLI's `export` and the app's Export step call
 * `buildFixPackExport` (electron/services/pdf), which adds guide.pdf and the zip to what is built here.
 */
export { buildFixPack, zipFixPack, fileBytes, type FixPack } from './build-fixpack';
export { buildFixPlan } from './plan';
export { selectIntermediates, certificatesBySha1 } from './select-intermediates';
export { intermediateFileName } from './file-names';
export type { FixPackFile, FixPackInput, FixPackOptions, FixPlan } from './types';
