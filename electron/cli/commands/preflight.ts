import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliArgs } from '../args';
import type { CliIo } from '../context';
import { collectInputs } from '../collect-inputs';
import { runCliAnalysis, EXIT_USAGE } from './analyze';
import { format } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { terminalSafe, terminalSafeText, terminalSafeValues } from '../../../shared/report/terminal-safe';
import { writeSwitchOverPack } from './switchover-out';
import { cliPaper } from '../paper';
import { runPreflight, renderPreflightText, scanHybridFacts, mergeHybridFacts, type HybridFacts } from '../../../shared/preflight';

/** Exit status of `preflight`: 0 will work, 1 will break, 2 usage (or the new certificate could not be read). */
export const EXIT_WILL_WORK = 0;
export const EXIT_WILL_BREAK = 1;

/** Cmdlet output large enough to scan for the hybrid facts the settings readers do not keep. */
const TEXT_LIMIT = 8 * 1024 * 1024;

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** ConnectorSource and receive connectors' TlsCertificateName from the current evidence's .txt cmdlet output. */
async function hybridFacts(paths: readonly string[]): Promise<HybridFacts> {
  const { inputs } = await collectInputs(paths);
  const facts: HybridFacts[] = [];
  for (const input of inputs) {
    if (!/\.txt$/i.test(input.name) || input.size > TEXT_LIMIT) continue;
    try {
      facts.push(scanHybridFacts(input.name, decodeText(await input.load())));
    } catch {
      // An unreadable file is already reported by the engine's own read of it.
    }
  }
  return mergeHybridFacts(facts);
}

function usageText(locale: Locale, key: string, params: Record<string, string>): string {
  return format(locale, 'cli.usage.detail', { reason: format(locale, key, params) }) + '\n';
}

/**
 * `relay-doctor preflight <new certificate> [current evidence…] [--out <dir> [--overwrite]]`: will the new
 * certificate work for relay through Exchange Online (issue 22)? The engine reads and analyzes everything
 * once; the checks of shared/preflight judge the first path's certificate against the rest. With --out the
 * switch-over pack is written too; exit 2 when it cannot be.
 */
export async function preflightCommand(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const [first, ...current] = args.paths;
  const isFile = first !== undefined && first !== '-' && (await stat(first).then((s) => s.isFile(), () => false));
  if (!first || !isFile) {
    io.stderr.write(usageText(locale, 'preflight.usage.firstNotFile', { path: terminalSafe(first ?? '') }));
    return EXIT_USAGE;
  }
  const result = await runCliAnalysis(args, io, locale);
  if (!result) return EXIT_USAGE;
  const newSource = basename(first);
  const outcome = runPreflight(
    { newSource, evidence: result.evidence, analysis: result.analysis, now: args.at ?? new Date(), hybrid: await hybridFacts(current.filter((p) => p !== '-')) },
    { locale, generatedAt: new Date(), inputs: result.report.inputs },
  );
  if (!outcome.ok) {
    const input = result.report.inputs.find((i) => i.file === newSource);
    const why = input?.error?.message ?? format(locale, 'preflight.noCertificate', { file: newSource });
    io.stderr.write(terminalSafeText(format(locale, 'preflight.unreadable', { file: newSource, reason: why })) + '\n');
    return EXIT_USAGE;
  }
  const report = outcome.value;
  if (args.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else io.stdout.write(renderPreflightText(terminalSafeValues(report), locale));
  // The switch-over pack follows the check it was built from, also when that check said "will break".
  if (args.out !== undefined && !(await writeSwitchOverPack(args.out, args.overwrite, cliPaper(args.paper, io.env), report, result, io, locale))) return EXIT_USAGE;
  return report.verdict === 'willBreak' ? EXIT_WILL_BREAK : EXIT_WILL_WORK;
}
