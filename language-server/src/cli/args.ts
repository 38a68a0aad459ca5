/**
 * Command-line arguments → options. Pure: no I/O, so every usage mistake is reported the same way
 * (one line on stderr, exit 2) before any file is touched.
 */
import { parseArgs } from 'node:util';
import { isSupportedVersion, supportedVersions } from '../core/profile';
import type { DocumentKind } from '../core/types';
import { formatNames, type FormatName } from './formatters/index';

export type ForcedKind = Exclude<DocumentKind, 'unknown'>;
export const kindNames: readonly ForcedKind[] = ['app', 'apps', 'group', 'pod', 'chronos-job'];

export interface CliOptions {
  inputs: string[];
  format: FormatName;
  kind?: ForcedKind;
  marathonVersion?: string;
  config?: string;
  /** `--stdin-filename PATH`: the file the document read from `-` stands for (its name in the report, its config). */
  stdinFilename?: string;
  maxWarnings?: number;
  quiet: boolean;
  color: boolean | undefined; // undefined: decide from the terminal
  help: boolean;
  version: boolean;
  /** `--marathon URL` (MARATHON_URL is read by the caller, which has the environment). */
  marathon?: string;
  marathonTokenFile?: string;
  marathonCredentialsFile?: string;
  marathonCa?: string;
  /** `--marathon-timeout SECONDS`, default 10. */
  marathonTimeout: number;
  /** The cluster-only flags given (`--marathon-ca`, …), to refuse them when no cluster is named. */
  clusterFlags: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

const options = {
  format: { type: 'string', short: 'f' },
  kind: { type: 'string' },
  'marathon-version': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'stdin-filename': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  marathon: { type: 'string' },
  'marathon-token-file': { type: 'string' },
  'marathon-credentials-file': { type: 'string' },
  'marathon-ca': { type: 'string' },
  'marathon-timeout': { type: 'string' },
} as const;

/** Options that take a value; a negative number after one is its value (`--max-warnings -1`), not an option. */
const valueOptions = new Set(
  Object.entries(options).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])] : [])),
);

/**
 * node:util refuses `--max-warnings -1` as "argument is ambiguous. Did you forget to specify the option argument?",
 * which tells a user who did give one nothing (ESLint users write -1 for "no limit"). Joined as `--max-warnings=-1`,
 * the value reaches the option's own check, which says what it expects.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (valueOptions.has(argv[i]) && i + 1 < argv.length && /^-\d+(\.\d+)?$/.test(argv[i + 1])) out.push(`${argv[i]}${argv[i].startsWith('--') ? '=' : ''}${argv[++i]}`); // -f-1 for a short one
    else out.push(argv[i]);
  }
  return out;
}

/**
 * The first argument that looks like a file name (a '.' or '/' in it) but starts with '-' and is no option of ours:
 * node:util names only the part it failed on ('-.' for `-q.json`, -q being --quiet), which the user never typed.
 */
function dashedFileName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (valueOptions.has(a)) i++; // its value, whatever it looks like
    else if (/^-./.test(a) && /[./]/.test(a) && !isOwnOption(a)) return a;
  }
  return undefined;
}

/** `--name`, `--name=value`, or a short option with its value attached (`-fjson`, `-c./x.json`). */
function isOwnOption(arg: string): boolean {
  if (arg.startsWith('--')) return Object.hasOwn(options, arg.slice(2).split('=')[0]);
  return valueOptions.has(arg.slice(0, 2));
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options,
    }));
  } catch (e) {
    const file = (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? dashedFileName(argv) : undefined;
    if (file !== undefined) return { ok: false, message: `Unknown option '${file}': to lint a file whose name starts with '-', write ./${file} or give it after -- (marathon-lint -- ${file})` };
    // node:util's messages are already precise ("Unknown option '--fromat'"); keep them on one line and
    // drop its advice about `--` and `--opt=-XYZ`, which does not apply to any of our options.
    const msg = String((e as Error).message)
      .split('\n')
      .filter((l) => !/^To specify/.test(l))
      .join(' ')
      .split('. To specify a positional')[0];
    return { ok: false, message: msg };
  }

  const format = (values.format as string | undefined) ?? 'stylish';
  if (!(formatNames as readonly string[]).includes(format)) {
    return { ok: false, message: `Unknown --format '${format}': use one of ${formatNames.join(', ')}` };
  }
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(kindNames as readonly string[]).includes(kind)) {
    return { ok: false, message: `Unknown --kind '${kind}': use one of ${kindNames.join(', ')}` };
  }
  const marathonVersion = values['marathon-version'] as string | undefined;
  if (marathonVersion !== undefined && !isSupportedVersion(marathonVersion)) {
    return {
      ok: false,
      message: `Unsupported --marathon-version '${marathonVersion}': use one of ${supportedVersions.join(', ')} (optionally with a patch, e.g. 1.8.230)`,
    };
  }
  const rawMax = values['max-warnings'] as string | undefined;
  let maxWarnings: number | undefined;
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax)) return { ok: false, message: `--max-warnings expects a whole number of warnings (0 or more), got '${rawMax}'${rawMax.startsWith('-') ? ': leave it out for no limit' : ''}` };
    maxWarnings = Number(rawMax);
  }
  const config = values.config as string | undefined;
  if (config === '') return { ok: false, message: '--config expects a file name' };
  const stdinFilename = values['stdin-filename'] as string | undefined;
  if (stdinFilename === '') return { ok: false, message: '--stdin-filename expects the path of the file the text read from - stands for' };
  // Silently ignored (as ESLint does without --stdin), the flag would leave an editor integration's mistake unseen.
  if (stdinFilename !== undefined && !positionals.includes('-')) return { ok: false, message: `--stdin-filename names the document read from stdin, but no - is given: add - to read it, or drop --stdin-filename` };

  const marathon = values.marathon as string | undefined;
  if (marathon === '') return { ok: false, message: '--marathon expects a URL, e.g. https://marathon.example:8443' };
  for (const f of ['marathon-token-file', 'marathon-credentials-file', 'marathon-ca'] as const) {
    if (values[f] === '') return { ok: false, message: `--${f} expects a file name` };
  }
  if (values['marathon-token-file'] !== undefined && values['marathon-credentials-file'] !== undefined) {
    return { ok: false, message: '--marathon-token-file and --marathon-credentials-file cannot be used together: give one' };
  }
  const rawTimeout = values['marathon-timeout'] as string | undefined;
  let marathonTimeout = 10;
  if (rawTimeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(rawTimeout) || Number(rawTimeout) <= 0) return { ok: false, message: `--marathon-timeout expects a number of seconds above 0, got '${rawTimeout}'` };
    marathonTimeout = Number(rawTimeout);
  }

  return {
    ok: true,
    options: {
      marathon,
      marathonTokenFile: values['marathon-token-file'] as string | undefined,
      marathonCredentialsFile: values['marathon-credentials-file'] as string | undefined,
      marathonCa: values['marathon-ca'] as string | undefined,
      marathonTimeout,
      clusterFlags: (['marathon-token-file', 'marathon-credentials-file', 'marathon-ca', 'marathon-timeout'] as const).filter((f) => values[f] !== undefined).map((f) => `--${f}`),
      inputs: positionals,
      format: format as FormatName,
      kind: kind as ForcedKind | undefined,
      marathonVersion,
      config,
      stdinFilename,
      maxWarnings,
      quiet: values.quiet === true,
      color: values['no-color'] === true ? false : values.color === true ? true : undefined,
      help: values.help === true,
      version: values.version === true,
    },
  };
}
