import { z } from 'zod';
import type { AppError, Result } from '../result';
import type { Report } from '../model/report';
import type { Evidence } from '../model/evidence';
import type { Locale } from '../i18n/locales';
import { LOCALES } from '../i18n/locales';
import type { FixPackOptions } from './types';

/**
 * `export:fixPack`: the renderer hands main the analysis it already made (report and evidence); main builds
 * the same fix pack as `relay-doctor export` (the PDF needs Node) and writes it into a folder the user picks.
 */
export interface FixPackExportRequest {
  readonly suggestedFolderName: string;
  readonly report: Report;
  readonly evidence: readonly Evidence[];
  readonly locale: Locale;
  readonly pageSize?: 'A4' | 'LETTER';
  readonly options?: FixPackOptions;
  readonly overwrite: boolean;
}

export type FixPackExportResponse = Result<{ folder: string; written: string[] }, AppError>;

// The report and evidence are produced by our own engine in the renderer's worker and arrive from our own
// window (handle() checks the sender); they are checked for shape and size here, and the generators quote
// every value they interpolate, so a crafted field can only end up as text in the pack.
const MAX_EVIDENCE = 5_000;
const reportShape = z
  .object({
    schema: z.literal('relay-doctor/report@1'),
    generatedAt: z.string(),
    validationTime: z.string(),
    locale: z.string(),
    inputs: z.array(z.object({}).passthrough()),
    certificates: z.array(z.object({}).passthrough()),
    chains: z.array(z.object({}).passthrough()),
    findings: z.array(z.object({}).passthrough()),
    causes: z.array(z.object({}).passthrough()),
  })
  .passthrough();
const evidenceShape = z.object({ kind: z.enum(['certificates', 'events', 'smtpLog', 'ndr', 'settings']), id: z.string(), source: z.string() }).passthrough();

export const fixPackIpcSchemas = {
  'export:fixPack': z
    .object({
      suggestedFolderName: z.string().min(1).max(200),
      report: reportShape,
      evidence: z.array(evidenceShape).max(MAX_EVIDENCE),
      locale: z.enum(LOCALES),
      pageSize: z.enum(['A4', 'LETTER']).optional(),
      options: z
        .object({
          sendConnector: z.string().max(256).optional(),
          certificateThumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/).optional(),
          inboundConnector: z
            .object({
              name: z.string().max(256).optional(),
              tlsSenderCertificateName: z.string().max(256).optional(),
              senderIpAddresses: z.array(z.string().max(64)).max(100).optional(),
            })
            .strict()
            .optional(),
          restartTransport: z.boolean().optional(),
          scriptBlocks: z.array(z.string().max(64)).max(50).optional(),
        })
        .strict()
        .optional(),
      overwrite: z.boolean(),
    })
    .strict(),
} as const;
