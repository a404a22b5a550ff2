import { parseArgs } from 'node:util';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

export type Command = 'analyze' | 'export' | 'probe' | 'preflight' | 'help' | 'version';

/** The command line of findings.md "The command line", parsed. */
export interface CliArgs {
  readonly command: Command;
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly lang?: string;
  readonly at?: Date;
  readonly expectName?: string;
  /** --max-chain-depth: the most intermediates a chain may hold (a policy; the engine sets none). */
  readonly maxIntermediates?: number;
  readonly trust: readonly string[];
  readonly password?: string;
  readonly passwordEnv?: string;
  readonly fetchAia: boolean;
  /** --allow-private-aia: --fetch-aia may reach loopback and private addresses (a lab PKI); never set by the app. */
  readonly allowPrivateAia: boolean;
  readonly probe?: string;
  readonly out?: string;
  readonly overwrite: boolean;
  /** analyze --before <report.json>: an earlier report to compare with (issue 22 item 3). */
  readonly before?: string;
  /** Files read at once (--jobs); undefined: the number of cores, at most 4. */
  readonly jobs?: number;
}

/** Why a command line is refused: an i18n key (cli.usage.reason.*) and its arguments. */
export interface UsageError {
  readonly code: 'cli.usage';
  readonly reason: `cli.usage.reason.${string}`;
  readonly params: Readonly<Record<string, string>>;
}

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  at: { type: 'string' },
  'expect-name': { type: 'string' },
  'max-chain-depth': { type: 'string' },
  trust: { type: 'string', multiple: true },
  password: { type: 'string' },
  'password-env': { type: 'string' },
  'fetch-aia': { type: 'boolean' },
  'allow-private-aia': { type: 'boolean' },
  probe: { type: 'string' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  before: { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS: readonly Command[] = ['analyze', 'export', 'probe', 'preflight'];

const usage = (reason: UsageError['reason'], params: UsageError['params'] = {}) => err<UsageError>({ code: 'cli.usage', reason, params });

/** Node's parseArgs errors as usage reasons: the option it names, or its own text when it names none. */
function parseArgsUsage(e: unknown): ReturnType<typeof usage> {
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  const code = (e as { code?: string } | null)?.code;
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage('cli.usage.reason.unknownOption', { option });
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage('cli.usage.reason.optionValue', { option });
  return usage('cli.usage.reason.option', { detail: message });
}

/** Parses argv (without node and script). Never throws: a bad command line is a `cli.usage` error. */
export function parseCliArgs(argv: readonly string[]): Result<CliArgs, UsageError> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return parseArgsUsage(e);
  }
  const { values, positionals } = parsed;
  const base = {
    paths: [] as string[],
    json: values.json ?? false,
    trust: values.trust ?? [],
    fetchAia: values['fetch-aia'] ?? false,
    allowPrivateAia: values['allow-private-aia'] ?? false,
    overwrite: values.overwrite ?? false,
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
  };
  if (values.version) return ok({ ...base, command: 'version' });
  const [first, ...rest] = positionals;
  if (values.help || first === undefined || first === 'help') return ok({ ...base, command: 'help' });
  if (!COMMANDS.includes(first as Command)) return usage('cli.usage.reason.unknownCommand', { command: first });
  const command = first as Command;
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (Number.isNaN(at.getTime())) return usage('cli.usage.reason.badTime', { value: values.at });
  }
  // `analyze --probe <host>` needs no file: the probe capture is the evidence (issue 17 item 2).
  const probeOnly = command === 'analyze' && values.probe !== undefined;
  if (rest.length === 0 && !probeOnly) return command === 'probe' ? usage('cli.usage.reason.needsHost') : usage('cli.usage.reason.needsInput', { command });
  if (command === 'export' && !values.out) return usage('cli.usage.reason.needsOut');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) return usage('cli.usage.reason.badJobs', { value: values.jobs ?? '' });
  const depth = values['max-chain-depth'] === undefined ? undefined : Number(values['max-chain-depth']);
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0 && depth <= 64)) return usage('cli.usage.reason.badDepth', { value: values['max-chain-depth'] ?? '' });
  if (values.password !== undefined && values['password-env'] !== undefined) {
    return usage('cli.usage.reason.passwordTwice');
  }
  return ok({
    ...base,
    command,
    paths: rest,
    ...(at ? { at } : {}),
    ...(values['expect-name'] !== undefined ? { expectName: values['expect-name'] } : {}),
    ...(depth !== undefined ? { maxIntermediates: depth } : {}),
    ...(values.password !== undefined ? { password: values.password } : {}),
    ...(values['password-env'] !== undefined ? { passwordEnv: values['password-env'] } : {}),
    ...(values.probe !== undefined ? { probe: values.probe } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.before !== undefined ? { before: values.before } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  });
}
