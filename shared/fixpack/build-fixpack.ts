import { zipSync, type Zippable } from 'fflate';
import { err, ok, type AppError, type Result } from '../result';
import { buildGuide } from '../guide/build-guide';
import type { GuideDocument } from '../guide/model';
import { renderHtml } from '../guide/render-html';
import { renderMarkdown } from '../guide/render-markdown';
import { generateCollectorScript } from '../powershell/collector-script';
import { generateFixScript } from '../powershell/fix-script';
import { generateRollbackScript } from '../powershell/rollback-script';
import { encodePs1 } from '../powershell/script-writer';
import { intermediateFileName } from './file-names';
import { buildFixPlan } from './plan';
import { certificatesBySha1 } from './select-intermediates';
import type { FixPackFile, FixPackInput, FixPlan } from './types';

export interface FixPack {
  /**
   * In this order: guide.md, guide.html, fix.ps1, rollback.ps1, collect-evidence.ps1, report.json, *.cer;
   * without fix.ps1 and rollback.ps1 when the plan holds no fix (`plan.hasFix`).
   */
  readonly files: readonly FixPackFile[];
  /** The guide model, for the PDF renderer (electron/services/pdf) and the app's screen. */
  readonly guide: GuideDocument;
  readonly plan: FixPlan;
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function sha1Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** PEM/PKCS#8 markers of key material: a last line of defence, since no input to the pack holds keys. */
const SECRET_MARKERS = /-----BEGIN [A-Z ]*PRIVATE KEY-----|PRIVATE KEY BLOCK/;

/**
 * Builds the fix pack from the fix-pack model: the localized guide (Markdown, HTML; the PDF is added by the
 * Node side from `guide`), fix.ps1 / rollback.ps1 / collect-evidence.ps1 (UTF-8 with BOM, CRLF),
 * report.json and each intermediate to import as DER .cer. A value from the evidence that cannot be quoted
 * into PowerShell was already left out by the plan (named in `plan.omitted`, the scripts and the guide), so
 * the rest of the pack is still written. Fails (as a value) when an intermediate's DER does not hash to its
 * thumbprint — the script would refuse it anyway, so the pack is not produced at all.
 */
export async function buildFixPack(input: FixPackInput): Promise<Result<FixPack, AppError>> {
  const plan = buildFixPlan(input);
  const packFiles: { file: string; cert: (typeof plan.intermediates)[number]; der: Uint8Array }[] = [];
  for (const [i, cert] of plan.intermediates.entries()) {
    const der = fromBase64(cert.derBase64);
    const actual = await sha1Hex(der);
    if (actual !== cert.sha1.toUpperCase()) {
      return err({ code: 'fixpack.thumbprintMismatch', params: { subject: cert.subject, expected: cert.sha1, actual } });
    }
    packFiles.push({ file: intermediateFileName(cert, i), cert, der });
  }

  // Evidence that proves no fix (an NDR alone, a guide-only remediation) gets no fix.ps1 that does nothing.
  const fix = plan.hasFix ? generateFixScript(plan) : null;
  if (fix && !fix.ok) return err(fix.error);
  const rollback = plan.hasFix ? generateRollbackScript(plan) : null;
  if (rollback && !rollback.ok) return err(rollback.error);
  const collector = generateCollectorScript(plan.locale);
  if (!collector.ok) return err(collector.error);

  // Intermediates passed in (downloaded) need not be in the evidence; the guide must know them too.
  const certificates = certificatesBySha1(input.evidence);
  for (const c of plan.intermediates) if (!certificates.has(c.sha1.toUpperCase())) certificates.set(c.sha1.toUpperCase(), c);
  const guide = buildGuide({ report: input.report, plan, certificates, packFiles });
  const texts = {
    'guide.md': renderMarkdown(guide),
    'guide.html': renderHtml(guide),
    'report.json': JSON.stringify(input.report, null, 2) + '\n',
  };
  const scripts: Record<string, string> = {
    ...(fix?.ok ? { 'fix.ps1': fix.value } : {}),
    ...(rollback?.ok ? { 'rollback.ps1': rollback.value } : {}),
    'collect-evidence.ps1': collector.value,
  };
  for (const [name, text] of Object.entries({ ...texts, ...scripts })) {
    if (SECRET_MARKERS.test(text)) return err({ code: 'fixpack.secretFound', params: { file: name } });
  }

  const files: FixPackFile[] = [
    { name: 'guide.md', text: texts['guide.md'] },
    { name: 'guide.html', text: texts['guide.html'] },
    ...Object.entries(scripts).map(([name, text]) => ({ name, bytes: encodePs1(text) })),
    { name: 'report.json', text: texts['report.json'] },
    ...packFiles.map((p) => ({ name: p.file, bytes: p.der })),
  ];
  return ok({ files, guide, plan });
}

export function fileBytes(file: FixPackFile): Uint8Array {
  return 'bytes' in file ? file.bytes : new TextEncoder().encode(file.text);
}

/**
 * fixpack.zip: every file at the top level of the archive. The timestamp is fixed by the caller (the
 * report's generatedAt) so that the same pack always zips to the same bytes.
 */
export function zipFixPack(files: readonly FixPackFile[], mtime: Date): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [fileBytes(f), { mtime }];
  return zipSync(entries, { level: 6 });
}
