import { z } from 'zod';

/** Runtime twin of `Answers` (answers.ts), shared by the case file and its IPC channels. */
export const answersObject = z.object({
  sendingSystem: z.enum(['exchange', 'iis', 'other']).optional(),
  connectorType: z.enum(['certificate', 'ip', 'unknown']).optional(),
  tlsSenderCertificateName: z.string().max(1024).optional(),
  recentRenewal: z.boolean().optional(),
  internalMailFlows: z.boolean().optional(),
});
