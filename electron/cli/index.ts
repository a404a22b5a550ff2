import { parseCliArgs, type CliArgs, type Command } from './args';
import type { CliIo } from './context';
import { analyzeCommand, EXIT_USAGE } from './commands/analyze';
import { runProbeCommand } from '../services/network';
import { exportCommand } from './commands/export';
import { preflightCommand } from './commands/preflight';
import { terminalSafeIo } from './terminal-io';
import { format } from '../../shared/i18n/format';
import { resolveLocale, type Locale } from '../../shared/i18n/locales';
import pkg from '../../package.json' with { type: 'json' };

export type { CliIo };

/** The value of --lang in a command line parseArgs refused (`--lang de` or `--lang=de`). */
function langArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--lang');
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}

/** --lang wins, then LC_ALL / LC_MESSAGES / LANG as POSIX tools do. */
function pickLocale(lang: string | undefined, env: CliIo['env']): Locale {
  return resolveLocale(lang ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/** The `relay-doctor` command. Returns the exit status; never calls process.exit (tests run it in-process). */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  // Every command writes through this one boundary: evidence cannot reach the terminal as control sequences.
  const io = terminalSafeIo(given);
  const parsed = parseCliArgs(argv);
  // A refused command line still speaks the language it asked for.
  const locale = pickLocale(parsed.ok ? parsed.value.lang : langArgument(argv), io.env);
  if (!parsed.ok) {
    io.stderr.write(format(locale, 'cli.usage.detail', { reason: format(locale, parsed.error.reason, parsed.error.params) }) + '\n');
    return EXIT_USAGE;
  }
  const args = parsed.value;
  return COMMANDS[args.command](args, io, locale);
}

type CommandRunner = (args: CliArgs, io: CliIo, locale: Locale) => Promise<number>;

/** Every command of the CLI, by name (findings.md "The command line"). */
const COMMANDS: Record<Command, CommandRunner> = {
  version: async (_args, io) => {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  },
  help: async (_args, io, locale) => {
    io.stdout.write(format(locale, 'cli.help', { version: pkg.version }) + '\n');
    return 0;
  },
  analyze: analyzeCommand,
  export: exportCommand,
  preflight: preflightCommand,
  probe: (args, io, locale) => runProbeCommand(args.paths[0] ?? '', { json: args.json }, io, locale),
};
