import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { answersObject } from '../../shared/model/answers-schema';
import type { Answers } from '../../shared/model/answers';
import type { Report } from '../../shared/model/report';
import { tooLargeBytes } from '../../shared/model/input';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { errorCode, writeFileAtomic } from './atomic-write';

/** The schema id of a saved case; a file with any other id is refused, never guessed at. */
export const CASE_SCHEMA = 'relay-doctor/case@1';

/** A case file larger than this is not one we wrote (evidence is kept as dropped, so allow real logs). */
export const MAX_CASE_BYTES = 512 * 1024 * 1024;

/** One piece of evidence as the admin gave it: the original bytes, so reopening re-reads them. */
export interface CaseEvidence {
  readonly name: string;
  readonly source: 'file' | 'paste';
  /** The file's bytes, Base64 (JSON has no bytes). */
  readonly base64: string;
  /** Set on the renewal path's new certificate (judged by the pre-flight), absent on the current evidence. */
  readonly role?: 'newCertificate';
}

/** The wizard's case (architecture.md "Case file"): what was given and said, and the last report. */
export interface CaseDocument {
  readonly schema: typeof CASE_SCHEMA;
  readonly savedAt: string;
  readonly symptom: string | null;
  readonly stepIndex: number;
  /** The id of the step it was saved at (renderer/src/wizard/steps.ts); absent in cases saved before steps had ids. */
  readonly step?: string;
  readonly answers: Answers;
  readonly evidence: readonly CaseEvidence[];
  /** The relay-doctor/report@1 of the last analysis, or null before the first one. */
  readonly report: Report | null;
  /** The report from before the fix (the wizard's before/after view); absent in cases saved without one. */
  readonly baseline?: Report | null;
  /**
   * The root files the admin trusts for this case (`source` is always 'file'); absent in cases saved before
   * the app could trust a root, which open as before.
   */
  readonly trusted?: readonly CaseEvidence[];
}

const answersSchema = answersObject.strip();

const caseItem = z.object({ name: z.string().min(1).max(4096), source: z.enum(['file', 'paste']), base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) });

const caseSchema = z.object({
  schema: z.literal(CASE_SCHEMA),
  savedAt: z.string().max(64),
  symptom: z.string().max(10_000).nullable(),
  stepIndex: z.number().int().min(0).max(1000),
  step: z.string().max(40).optional(),
  answers: answersSchema,
  evidence: z.array(caseItem.extend({ role: z.literal('newCertificate').optional() })).max(100_000),
  trusted: z.array(caseItem).max(100).optional(),
  // The report is our own output, checked by its schema id; its body is produced by the engine, not trusted input.
  report: z.object({ schema: z.literal('relay-doctor/report@1') }).loose().nullable(),
  baseline: z.object({ schema: z.literal('relay-doctor/report@1') }).loose().nullable().optional(),
});

export const toCaseEvidence = (name: string, source: 'file' | 'paste', bytes: Uint8Array, role?: 'newCertificate'): CaseEvidence => ({
  name,
  source,
  base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  ...(role ? { role } : {}),
});

export const caseEvidenceBytes = (item: CaseEvidence): Uint8Array => new Uint8Array(Buffer.from(item.base64, 'base64'));

/**
 * Saves the case atomically (atomic-write.ts: temporary file, fsync, rename): a crash or a kill during the save
 * leaves the previous complete file, never a torn one — at most the last change is lost. Replaces the file.
 * Errors: export.writeFailed (from atomic-write).
 */
export async function saveCase(path: string, doc: Omit<CaseDocument, 'schema' | 'savedAt'>, now: Date = new Date()): Promise<Result<string, AppError>> {
  const full: CaseDocument = { schema: CASE_SCHEMA, savedAt: now.toISOString(), ...doc };
  return writeFileAtomic(path, `${JSON.stringify(full)}\n`, { overwrite: true });
}

/**
 * Loads a case file. Errors: case.notFound, case.unreadable (I/O), input.tooLarge, case.invalid (not JSON,
 * or not relay-doctor/case@1 — a newer schema id included).
 */
export async function loadCase(path: string, maxBytes: number = MAX_CASE_BYTES): Promise<Result<CaseDocument, AppError>> {
  const name = basename(path);
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return err(tooLargeBytes(maxBytes));
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return err({ code: 'case.notFound', params: { name } });
    return err({ code: 'case.unreadable', params: { name, reason: code } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ code: 'case.invalid', params: { name } });
  }
  const parsed = caseSchema.safeParse(json);
  if (!parsed.success) return err({ code: 'case.invalid', params: { name } });
  return ok(parsed.data as CaseDocument);
}
