/**
 * Which profile each file is linted with: `--config FILE` for every file, otherwise the nearest
 * `marathon-lint.config.json` in the file's directory or above it, otherwise the default profile.
 * Each config file is read and parsed once; each directory is looked up once.
 */
import { relative, sep } from 'node:path';
import { parseConfig } from '../index';
import { defaultProfile, type Profile } from '../core/profile';
import { readFileSource } from '../project/readSource';
import { ConfigFinder } from '../project/configFinder';

/** A real config is a few hundred bytes; 16 MB leaves room for generated ones and still fails fast. */
export const maxConfigBytes = 16 * 1024 * 1024;

export type ProfileLookup = { ok: true; profile: Profile; configFile?: string } | { ok: false; errors: string[] };

export class ConfigResolver {
  private readonly finder = new ConfigFinder();
  private readonly byFile = new Map<string, ProfileLookup>();
  private defaults: ProfileLookup | undefined;
  /** Non-fatal config problems (an unknown setting, say), one line each, reported once per config file. */
  readonly warnings: string[] = [];

  constructor(
    private readonly cwd: string,
    private readonly explicitConfig: string | undefined,
    private readonly marathonVersion: string | undefined,
  ) {}

  /** The profile for a document in `dir` (the working directory for stdin). */
  forDirectory(dir: string): ProfileLookup {
    const file = this.explicitConfig ?? this.finder.find(dir);
    // One object for every file without a config: files sharing a profile are linted together.
    if (file === null) return (this.defaults ??= { ok: true, profile: this.override({ ...defaultProfile, features: [...defaultProfile.features], rules: {} }) });
    let cached = this.byFile.get(file);
    if (!cached) {
      cached = this.load(file);
      this.byFile.set(file, cached);
    }
    return cached;
  }

  private load(file: string): ProfileLookup {
    // Relative to the working directory unless that only climbs to the root: `/dev/zero`, not `../../dev/zero`.
    const rel = relative(this.cwd, file).split(sep).join('/');
    const shown = rel === '' || rel.length > file.length ? file : rel;
    // The same guarded read as a linted file: a FIFO or a device (`--config /dev/zero`) is refused at once
    // instead of blocking or filling memory, and a config file has no reason to be large.
    const source = readFileSource(file, maxConfigBytes);
    if (!source.ok) return { ok: false, errors: [`${shown}: cannot read the config file: ${source.error}`] };
    const text = source.text;
    let parsed: ReturnType<typeof parseConfig>;
    try {
      parsed = parseConfig(text, shown);
    } catch (e) {
      // The engine promises not to throw; if it does, the user still gets one line, not a stack.
      return { ok: false, errors: [`${shown}: the config could not be read (${(e as Error)?.message ?? e})`] };
    }
    const problems = (parsed.errors ?? []) as ConfigError[];
    const line = (e: ConfigError) => `${shown}${locationOf(e)}: ${messageOf(e, shown)}`;
    this.warnings.push(...problems.filter((e) => severityOf(e) !== 'error').map(line));
    const fatal = problems.filter((e) => severityOf(e) === 'error');
    if (fatal.length > 0) return { ok: false, errors: fatal.map(line) };
    return { ok: true, profile: this.override(parsed.profile), configFile: file };
  }

  private override(profile: Profile): Profile {
    return this.marathonVersion ? { ...profile, marathonVersion: this.marathonVersion } : profile;
  }
}

// parseConfig's errors are diagnostics (or plain strings); read them without depending on more than that.
type ConfigError = string | { message?: string; severity?: string; range?: { start: { line: number; character: number } } };

function severityOf(e: ConfigError): string {
  return typeof e === 'object' && e !== null && typeof e.severity === 'string' ? e.severity : 'error';
}

/** The engine prefixes messages with the file name it was given; we put the name (with line:col) first ourselves. */
function messageOf(e: ConfigError, shown: string): string {
  const m = typeof e === 'string' ? e : String(e?.message ?? e);
  return m.startsWith(`${shown}: `) ? m.slice(shown.length + 2) : m;
}

function locationOf(e: ConfigError): string {
  const start = typeof e === 'object' && e !== null ? e.range?.start : undefined;
  return start ? `:${start.line + 1}:${start.character + 1}` : '';
}
