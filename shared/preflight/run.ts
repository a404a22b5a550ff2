import { err, ok, type Result } from '../result';
import type { InputReport } from '../model/report';
import type { PreflightCheck, PreflightError, PreflightInput, PreflightReport } from './types';
import { PREFLIGHT_SCHEMA } from './types';
import { preflightContext } from './context';
import { PREFLIGHT_CHECKS } from './registry';

export interface PreflightOptions {
  readonly locale: string;
  readonly generatedAt: Date;
  readonly inputs: readonly InputReport[];
  readonly checks?: readonly PreflightCheck[];
}

/**
 * The renewal pre-flight (issue 22): every check over the new certificate, the current evidence and the
 * engine's analysis of both. Pure. "Will break" when any check fails; warnings and unknowns do not break.
 */
export function runPreflight(input: PreflightInput, options: PreflightOptions): Result<PreflightReport, PreflightError> {
  const context = preflightContext(input);
  if (!context.ok) return err(context.error);
  const { leaf, file } = context.value;
  const checks = (options.checks ?? PREFLIGHT_CHECKS).map((c) => c.run(context.value));
  const failed = checks.filter((c) => c.outcome === 'fail').map((c) => c.id);
  const warnings = checks.filter((c) => c.outcome === 'warn').map((c) => c.id);
  return ok({
    schema: PREFLIGHT_SCHEMA,
    generatedAt: options.generatedAt.toISOString(),
    validationTime: input.now.toISOString(),
    locale: options.locale,
    verdict: failed.length > 0 ? 'willBreak' : 'willWork',
    certificate: {
      file: file.source,
      sha1: leaf.sha1,
      subject: leaf.subject,
      issuer: leaf.issuer,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
      dnsNames: leaf.dnsNames,
      sendConnectorName: leaf.sendConnectorName,
    },
    failed,
    warnings,
    checks,
    inputs: options.inputs,
  });
}
