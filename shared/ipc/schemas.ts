import { z } from 'zod';
import type { Channel } from './contract';
import { LOCALES } from '../i18n/locales';
import { networkIpcSchemas } from '../network/ipc-schemas';
import { fixPackIpcSchemas } from '../fixpack/ipc';
import { caseIpcSchemas } from '../case/ipc';

const empty = z.object({}).strict();
const plainFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a plain file name')
  .refine((n) => n !== '.' && n !== '..', 'not a dot name');

/** Runtime twin of IpcContract: every request is validated in main before a handler sees it. */
export const requestSchemas = {
  'app:info': empty,
  'app:setLocale': z.object({ locale: z.enum(LOCALES) }).strict(),
  'export:save': z
    .object({
      suggestedFolderName: plainFileName,
      files: z
        .array(
          z
            .object({ name: plainFileName, text: z.string().optional(), bytes: z.instanceof(Uint8Array).optional() })
            .strict()
            .refine((f) => (f.text === undefined) !== (f.bytes === undefined), 'text or bytes'),
        )
        .min(1)
        .max(100),
      overwrite: z.boolean(),
    })
    .strict(),
  'trust:anchors': empty,
  ...networkIpcSchemas,
  ...fixPackIpcSchemas,
  ...caseIpcSchemas,
  // Only compared with the folder main wrote (electron/main/written-folders.ts); bounded, nothing more.
  'folder:open': z.object({ folder: z.string().min(1).max(4096) }).strict(),
} satisfies Record<Channel, z.ZodType>;

// The channel list lives in contract.ts (the preload needs it without zod); re-exported for existing imports.
export { CHANNELS } from './contract';
