import { parseArgs } from 'node:util';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

export type Command = 'analyze' | 'export' | 'probe' | 'help' | 'version';

/** The command line of findings.md "The command line", parsed. */
export interface CliArgs {
  readonly command: Command;
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly lang?: string;
  readonly at?: Date;
  readonly expectName?: string;
  readonly trust: readonly string[];
  readonly password?: string;
  readonly passwordEnv?: string;
  readonly fetchAia: boolean;
  readonly probe?: string;
  readonly out?: string;
  readonly overwrite: boolean;
  /** Files read at once (--jobs); undefined: the number of cores, at most 4. */
  readonly jobs?: number;
}

export interface UsageError {
  readonly code: 'cli.usage';
  readonly params: { readonly reason: string };
}

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  at: { type: 'string' },
  'expect-name': { type: 'string' },
  trust: { type: 'string', multiple: true },
  password: { type: 'string' },
  'password-env': { type: 'string' },
  'fetch-aia': { type: 'boolean' },
  probe: { type: 'string' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS: readonly Command[] = ['analyze', 'export', 'probe'];

const usage = (reason: string) => err<UsageError>({ code: 'cli.usage', params: { reason } });

/** Parses argv (without node and script). Never throws: a bad command line is a `cli.usage` error. */
export function parseCliArgs(argv: readonly string[]): Result<CliArgs, UsageError> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const base = {
    paths: [] as string[],
    json: values.json ?? false,
    trust: values.trust ?? [],
    fetchAia: values['fetch-aia'] ?? false,
    overwrite: values.overwrite ?? false,
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
  };
  if (values.version) return ok({ ...base, command: 'version' });
  const [first, ...rest] = positionals;
  if (values.help || first === undefined || first === 'help') return ok({ ...base, command: 'help' });
  if (!COMMANDS.includes(first as Command)) return usage(`unknown command "${first}"`);
  const command = first as Command;
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (Number.isNaN(at.getTime())) return usage(`--at is not an ISO-8601 time: ${values.at}`);
  }
  if (rest.length === 0) return usage(command === 'probe' ? 'probe needs <host[:port]>' : `${command} needs at least one file or folder`);
  if (command === 'export' && !values.out) return usage('export needs --out <dir>');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) return usage(`--jobs is not a number from 1 to 64: ${values.jobs}`);
  if (values.password !== undefined && values['password-env'] !== undefined) {
    return usage('use --password or --password-env, not both');
  }
  return ok({
    ...base,
    command,
    paths: rest,
    ...(at ? { at } : {}),
    ...(values['expect-name'] !== undefined ? { expectName: values['expect-name'] } : {}),
    ...(values.password !== undefined ? { password: values.password } : {}),
    ...(values['password-env'] !== undefined ? { passwordEnv: values['password-env'] } : {}),
    ...(values.probe !== undefined ? { probe: values.probe } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  });
}
