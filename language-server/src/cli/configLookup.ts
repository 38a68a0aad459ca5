/**
 * Which profile each file is linted with: `--config FILE` for every file, otherwise the nearest
 * `marathon-lint.config.json` in the file's directory or above it, otherwise the default profile.
 * Each config file is read and parsed once; each directory is looked up once.
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { defaultProfile, type Profile } from '../core/profile';
import { loadProfile, profileFromText, type LoadedProfile } from '../project/loadProfile';
import { ConfigFinder } from '../project/configFinder';
import { ignoreMatcher, type IgnoreMatcher } from '../project/ignorePatterns';

/** `ignored`: the config's `ignorePatterns`, matched against a file's absolute path (which pattern ignores it). */
export type ProfileLookup = { ok: true; profile: Profile; configFile?: string; ignored?: IgnoreMatcher } | { ok: false; errors: string[] };

export class ConfigResolver {
  private readonly finder = new ConfigFinder();
  private readonly byFile = new Map<string, ProfileLookup>();
  private defaults: ProfileLookup | undefined;
  /** Non-fatal config problems (an unknown setting, say), one line each, reported once per config file. */
  readonly warnings: string[] = [];

  constructor(
    private readonly cwd: string,
    /** `--config`: the absolute path, and the path as the user gave it, which every message about it names. */
    private readonly explicitConfig: { path: string; given: string } | undefined,
    private readonly marathonVersion: string | undefined,
  ) {}

  /** The profile for a document in `dir` (the working directory for stdin). */
  forDirectory(dir: string): ProfileLookup {
    const file = this.explicitConfig?.path ?? this.finder.find(dir);
    // One object for every file without a config: files sharing a profile are linted together.
    if (file === null) return (this.defaults ??= { ok: true, profile: this.override({ ...defaultProfile, features: [...defaultProfile.features], rules: {} }) });
    return this.forConfigFile(file);
  }

  /**
   * The config file itself, read as when it is found for a definition: the same lookup object (and errors array),
   * so a config named on the command line and found for definitions beside it is read and reported once.
   */
  forConfigFile(file: string): ProfileLookup {
    let cached = this.byFile.get(file);
    if (!cached) {
      cached = this.load(file);
      this.byFile.set(file, cached);
    }
    return cached;
  }

  /**
   * A config's text piped in its stead (`--stdin-filename`), judged as the file would be. Not kept for the definitions
   * beside it, which are judged by the file on disk whatever the order of the inputs.
   */
  forConfigText(file: string, text: string): ProfileLookup {
    return this.judge(file, this.shownName(file), profileFromText(text, this.shownName(file)));
  }

  /**
   * Relative to the working directory unless that only climbs to the root: `/dev/zero`, not `../../dev/zero`.
   * `--config` is named as given: "/tmp" run from /tmp/x is not "..", and "." is not the absolute path.
   */
  shownName(file: string): string {
    const rel = relative(this.cwd, file).split(sep).join('/');
    return this.explicitConfig?.path === file ? this.explicitConfig.given : rel === '' || rel.length > file.length ? file : rel;
  }

  private load(file: string): ProfileLookup {
    const shown = this.shownName(file);
    if (this.explicitConfig?.path === file && isDirectory(file)) return { ok: false, errors: [directoryGiven(file, shown)] };
    return this.judge(file, shown, loadProfile(file, shown));
  }

  private judge(file: string, shown: string, loaded: LoadedProfile): ProfileLookup {
    if (!loaded.ok) return { ok: false, errors: [loaded.cause === 'unreadable' ? `${shown}: cannot read the config file: ${loaded.detail}` : `${shown}: the config could not be read (${loaded.detail})`] };
    const problems = loaded.problems as ConfigError[];
    const line = (e: ConfigError) => `${shown}${locationOf(e)}: ${messageOf(e, shown)}`;
    this.warnings.push(...problems.filter((e) => severityOf(e) !== 'error').map(line));
    const fatal = problems.filter((e) => severityOf(e) === 'error');
    if (fatal.length > 0) return { ok: false, errors: fatal.map(line) };
    return { ok: true, profile: this.override(loaded.profile), configFile: file, ignored: ignoreMatcher(dirname(file), loaded.ignorePatterns) };
  }

  private override(profile: Profile): Profile {
    return this.marathonVersion ? { ...profile, marathonVersion: this.marathonVersion } : profile;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing or unreadable: the read below says which
  }
}

/** `--config DIR`: what was expected, and the config inside it when there is one. */
function directoryGiven(dir: string, shown: string): string {
  const inside = join(dir, 'marathon-lint.config.json');
  let hasConfig = false;
  try {
    hasConfig = statSync(inside).isFile();
  } catch {
    // none there
  }
  const suggestion = hasConfig ? `: use --config ${shown.endsWith('/') ? shown : `${shown}/`}marathon-lint.config.json` : ', or leave --config out to use the nearest one above each file';
  return `${shown}: is a directory, but --config expects a marathon-lint.config.json file${suggestion}`;
}

// The config's problems are diagnostics (or plain strings); read them without depending on more than that.
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
