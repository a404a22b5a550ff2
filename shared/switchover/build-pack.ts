import { err, ok, type Result } from '../result';
import { renderHtml } from '../guide/render-html';
import { renderMarkdown } from '../guide/render-markdown';
import { encodePs1 } from '../powershell/script-writer';
import type { FixPackFile } from '../fixpack/types';
import { buildSwitchOverPlan } from './plan';
import { generateSwitchOverScript } from './script';
import { generateSwitchOverRollback } from './rollback';
import { buildSwitchOverGuide } from './guide';
import { SWITCHOVER_SCHEMA, type SwitchOverError, type SwitchOverInput, type SwitchOverPack, type SwitchOverPlan, type SwitchOverReport } from './types';

/** PEM/PKCS#8 markers of key material: no input to the pack holds a key, and none may leave in it. */
const SECRET_MARKERS = /-----BEGIN [A-Z ]*PRIVATE KEY-----|PRIVATE KEY BLOCK/;

export const SWITCHOVER_FILES = ['guide.md', 'guide.html', 'switch-over.ps1', 'rollback.ps1', 'report.json'] as const;

function packReport(input: SwitchOverInput, plan: SwitchOverPlan): SwitchOverReport {
  return {
    schema: SWITCHOVER_SCHEMA,
    generatedAt: input.preflight.generatedAt,
    locale: plan.locale,
    platform: plan.platform,
    preflight: { verdict: input.preflight.verdict, failed: input.preflight.failed, warnings: input.preflight.warnings },
    certificate: {
      sha1: plan.certificate.sha1,
      subject: plan.certificate.subject,
      issuer: plan.certificate.issuer,
      notAfter: plan.certificate.notAfter,
      tlsCertificateName: plan.tlsCertificateName,
      ...(plan.pfxFile ? { pfxFile: plan.pfxFile } : {}),
    },
    intermediates: plan.intermediates.map((c) => ({ sha1: c.sha1, subject: c.subject })),
    ...(plan.sendConnector ? { sendConnector: plan.sendConnector } : {}),
    ...(plan.currentTlsCertificateName ? { currentTlsCertificateName: plan.currentTlsCertificateName } : {}),
    sourceServers: plan.sourceServers,
    files: SWITCHOVER_FILES,
    omitted: plan.omitted,
  };
}

/**
 * Builds the switch-over pack (issue 22 item 2) from the pre-flight: guide.md and guide.html, switch-over.ps1
 * and rollback.ps1 (UTF-8 with BOM, CRLF) and report.json (relay-doctor/switchover@1). Pure and free of
 * Node APIs, so the app's worker runs it as the CLI does. The PFX itself never enters the pack: the admin
 * copies it next to the script, whose password prompt is the only place the password is typed.
 */
export function buildSwitchOverPack(input: SwitchOverInput): Result<SwitchOverPack, SwitchOverError> {
  const planned = buildSwitchOverPlan(input);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const script = generateSwitchOverScript(plan);
  if (!script.ok) return err(script.error);
  const rollback = generateSwitchOverRollback(plan);
  if (!rollback.ok) return err(rollback.error);
  const guide = buildSwitchOverGuide(plan);
  const report = packReport(input, plan);
  const texts: Record<string, string> = {
    'guide.md': renderMarkdown(guide),
    'guide.html': renderHtml(guide),
    'switch-over.ps1': script.value,
    'rollback.ps1': rollback.value,
    'report.json': JSON.stringify(report, null, 2) + '\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    if (SECRET_MARKERS.test(text)) return err({ code: 'fixpack.secretFound', params: { file: name } });
  }
  const files: FixPackFile[] = SWITCHOVER_FILES.map((name) => (name.endsWith('.ps1') ? { name, bytes: encodePs1(texts[name] ?? '') } : { name, text: texts[name] ?? '' }));
  return ok({ files, guide, plan, report });
}
