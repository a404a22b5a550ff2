import type { Analysis } from './analyze';
import type { InputOutcome } from './read-inputs';
import type { Answers } from '../model/answers';
import { REPORT_SCHEMA, type InputReport, type Report, type TrustedRootReport } from '../model/report';
import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { Params } from '../model/finding';

function messageParams(params: Params | undefined): Record<string, string | number | boolean | readonly string[]> {
  return { ...(params ?? {}) };
}

function inputReport(outcome: InputOutcome, locale: Locale): InputReport {
  const kind = outcome.kind === 'container' ? null : outcome.kind;
  const base = { file: outcome.file, kind, status: outcome.status };
  if (outcome.status === 'rejected' && outcome.error) {
    return {
      ...base,
      error: {
        code: outcome.error.code,
        message: format(locale, `${outcome.error.code}.detail`, messageParams(outcome.error.params)),
      },
    };
  }
  return {
    ...base,
    items: outcome.items,
    ...(outcome.damaged ? { damaged: outcome.damaged } : {}),
    ...(outcome.warnings?.length
      ? { warnings: outcome.warnings.map((w) => ({ code: w.code, message: format(locale, w.code, messageParams(w.params)) })) }
      : {}),
  };
}

/** Assembles the relay-doctor/report@1 document (findings.md), localizing titles and details. */
export function buildReport(args: {
  outcomes: readonly InputOutcome[];
  analysis: Analysis;
  locale: Locale;
  validationTime: Date;
  generatedAt: Date;
  answers?: Answers;
  trustedRoots?: readonly TrustedRootReport[];
}): Report {
  const { analysis, locale } = args;
  return {
    schema: REPORT_SCHEMA,
    generatedAt: args.generatedAt.toISOString(),
    validationTime: args.validationTime.toISOString(),
    locale,
    inputs: args.outcomes.map((o) => inputReport(o, locale)),
    certificates: analysis.certificates,
    chains: analysis.chains,
    findings: analysis.findings.map((f) => ({
      ...f,
      title: format(locale, `${f.id}.title`, messageParams(f.params)),
      detail: format(locale, `${f.id}.detail`, messageParams(f.params)),
    })),
    causes: analysis.causes.map((c) => ({
      id: c.id,
      confidence: c.confidence,
      findings: c.findings,
      remediation: c.remediation,
      params: c.params,
      evidence: c.evidence,
      title: format(locale, `${c.id}.title`, messageParams(c.params)),
      detail: format(locale, `${c.id}.detail`, messageParams(c.params)),
    })),
    verdict: analysis.verdict,
    ...(args.answers && Object.keys(args.answers).length ? { answers: args.answers } : {}),
    // The admin's own roots, named as theirs (never their DER: the report says what, not the bytes).
    ...(args.trustedRoots?.length ? { trustedRoots: args.trustedRoots.map(({ sha1, subject, source }) => ({ sha1, subject, source })) } : {}),
  };
}
