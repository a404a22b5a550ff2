import { z } from 'zod';
import { answersObject } from '../model/answers-schema';
import type { AppError, Result } from '../result';
import type { Answers } from '../model/answers';
import type { Report } from '../model/report';

/**
 * `case:save` / `case:open`: the wizard's case (the autosave's shape: symptom, answers, step, evidence as
 * given, plus the last report and the before/after baseline) written to or read from a `relay-doctor/case@1`
 * file the admin picks in a native dialog. Evidence crosses IPC as bytes; main stores it as Base64
 * (electron/services/case-file.ts), so the renderer never needs a path or a Base64 codec.
 */
export interface CaseEvidenceItem {
  readonly name: string;
  readonly source: 'file' | 'paste';
  readonly bytes: Uint8Array;
  /** Set on the renewal path's new certificate (judged by the pre-flight), absent on the current evidence. */
  readonly role?: 'newCertificate';
}

export interface CaseContent {
  readonly symptom: string | null;
  readonly stepIndex: number;
  /** The id of the step it was saved at (renderer/src/wizard/steps.ts); absent in cases saved before steps had ids. */
  readonly step?: string;
  readonly answers: Answers;
  readonly evidence: readonly CaseEvidenceItem[];
  /** The last analysis, or null before the first one; reopening re-runs the engine on the evidence anyway. */
  readonly report: Report | null;
  /** The report from before the fix while the admin checks the server again (before/after view). */
  readonly baseline?: Report | null;
  /** The root files the admin trusts for this case (the chain step's own roots); absent in older cases. */
  readonly trusted?: readonly CaseTrustedItem[];
}

/** A file of roots the admin trusts for this case, as bytes (like the evidence). */
export interface CaseTrustedItem {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CaseSaveRequest {
  readonly content: CaseContent;
  /** A plain file name offered in the save dialog (the renderer's case name); the admin may change it. */
  readonly suggestedName: string;
  /** False: an existing file is refused with `case.exists` (nothing written) until the admin agrees. */
  readonly overwrite: boolean;
}

/** Cancelling either dialog is `case.cancelled`, so the renderer can tell it apart from a finished save. */
export type CaseSaveResponse = Result<{ name: string }, AppError>;
export type CaseOpenResponse = Result<{ name: string; savedAt: string; content: CaseContent }, AppError>;

export const CASE_FILE_EXTENSION = 'json';

const MAX_NAME = 4096;
const answers = answersObject.strict();

// Our own engine's output from our own window (the sender is checked): shape-checked by its schema id.
const reportShape = z.object({ schema: z.literal('relay-doctor/report@1') }).loose();

const content = z
  .object({
    symptom: z.string().max(100).nullable(),
    stepIndex: z.number().int().min(0).max(1000),
    step: z.string().max(40).regex(/^[a-z]+$/).optional(),
    answers,
    evidence: z
      .array(
        z
          .object({ name: z.string().min(1).max(MAX_NAME), source: z.enum(['file', 'paste']), bytes: z.instanceof(Uint8Array), role: z.literal('newCertificate').optional() })
          .strict(),
      )
      .max(10_000),
    report: reportShape.nullable(),
    baseline: reportShape.nullable().optional(),
    trusted: z.array(z.object({ name: z.string().min(1).max(MAX_NAME), bytes: z.instanceof(Uint8Array) }).strict()).max(100).optional(),
  })
  .strict();

export const caseIpcSchemas = {
  'case:save': z
    .object({
      content,
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a plain file name')
        .refine((n) => n !== '.' && n !== '..', 'not a dot name'),
      overwrite: z.boolean(),
    })
    .strict(),
  'case:open': z.object({}).strict(),
} as const;
