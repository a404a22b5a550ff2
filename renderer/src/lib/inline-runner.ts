import { err, ok } from '../../../shared/result';
import type { AnalysisRunner } from './analysis-protocol';
import { AnalysisSession } from './analysis-session';
import { analysisBlob, blobBytes } from './blob-input';

/**
 * Runs the real engine on the calling thread. Used where Web Workers do not exist (jsdom component tests);
 * the app itself always uses the worker runner. Cancel can only discard the result here.
 */
export function createInlineRunner(): AnalysisRunner {
  let generation = 0;
  const session = new AnalysisSession();
  return {
    async run(inputs, options, onProgress) {
      const mine = ++generation;
      const given = { files: inputs.length, bytes: blobBytes(inputs) };
      onProgress?.(given);
      try {
        const done = await session.analyse(
          inputs.map((i) => analysisBlob(i)),
          options,
          { onProgress: (step) => onProgress?.({ ...given, step }) },
        );
        if (mine !== generation) return err({ code: 'ui.analysis.cancelled' });
        done.keep();
        return ok(done.outcome);
      } catch {
        return err({ code: 'ui.analysis.failed' });
      }
    },
    fixPack: () => session.fixPack(),
    switchOverPack: async () => session.switchOverPack(),
    prepare() {
      // Same thread: the first analysis decodes the anchors itself.
    },
    cancel() {
      generation++;
    },
  };
}
