/**
 * Inputs (files, directories, globs, `-`) → the list of documents to lint, in a stable order.
 * Nothing here throws: every path that cannot be used becomes one message naming it, and the
 * remaining inputs are still expanded.
 */
import { readdirSync, statSync, lstatSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { configFileName } from '../project/configFinder';
import { describeFsError, notRegularFile } from '../project/fsErrors';

/**
 * `real`: the file's real path, by which lintTargets lints a file reached through several paths once per config.
 * `config`: a marathon-lint.config.json named on the command line (pre-commit and lint-staged name every changed
 * .json file): checked as a config, never linted as a definition. Directory walks and globs still leave it out.
 */
export type Target =
  /** `path`, `real`: the file it stands for (`--stdin-filename`); `config`: that file is a marathon-lint.config.json. */
  | { kind: 'stdin'; path?: string; real?: string; config?: boolean }
  /** `named`: given on the command line itself, not found by a directory walk or a glob. */
  | { kind: 'file' | 'config'; path: string; real: string; named?: boolean };

export interface FileDiscovery {
  targets: Target[];
  /** One line each; the run exits 2 when any is present. */
  errors: string[];
}

const skippedDirs = new Set(['node_modules', '.git']);
const globMagic = /[*?[\]{}]/;

export function discover(inputs: readonly string[], cwd: string, stdinFilename?: string): FileDiscovery {
  const targets: Target[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  // A path named twice (a file and its directory) is one target. Other paths to the same file (a symlink and its
  // target, a glob through releases/current -> v2) stay: each names the config found from it (lintTargets).
  const add = (abs: string, kind: 'file' | 'config' = 'file', named = false) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ kind, path: abs, real: realPath(abs), ...(named ? { named } : {}) });
  };
  let stdinSeen = false;

  for (const input of inputs) {
    if (input === '-') {
      if (!stdinSeen) targets.push(stdinTarget(cwd, stdinFilename, errors));
      stdinSeen = true;
      continue;
    }
    if (input === '') {
      // resolve() makes '' the working directory: `marathon-lint "$CHANGED"` with nothing changed linted all of it.
      errors.push(`'': an empty argument names no file (is a shell variable empty or unset?); give files, directories, quoted globs, or - to read stdin`);
      continue;
    }
    const abs = resolve(cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      if (globMagic.test(input) && (e as NodeJS.ErrnoException).code === 'ENOENT') {
        const { matches: found, configs } = expandGlob(input, cwd);
        // "No file matches" would be untrue when the config matched: say why it is not linted instead.
        if (found.length === 0 && configs > 0) errors.push(`${input}: matches only ${configFileName}, which configures the linter and is not linted itself`);
        else if (found.length === 0) errors.push(`${input}: no file matches this pattern (directories, node_modules and .git are not matched)`);
        for (const m of found) {
          if (m.problem === undefined) add(m.path);
          else errors.push(`${displayPath(cwd, m.path)}: ${m.problem}`);
        }
      } else {
        errors.push(`${input}: ${statFailure(abs, e)}`);
      }
      continue;
    }
    if (st.isDirectory()) {
      // A directory that could not be read has said so (undefined): it is not known to hold no *.json file.
      if (walk(abs, input, add, errors, new Set()) === 0) errors.push(`${input}: directory contains no *.json file to lint (node_modules, .git and ${configFileName} are skipped)`);
    } else if (st.isFile()) {
      add(abs, basename(abs) === configFileName ? 'config' : 'file', true);
    } else {
      errors.push(`${input}: ${notRegularFile}`);
    }
  }
  // The piped text stands for the file it names: its copy on disk, named too (or the directory around it), is left
  // out, or the run would lint two versions of one file as one root group (one app deployed twice).
  const standIn = targets.find((t) => t.kind === 'stdin')?.real;
  return { targets: standIn === undefined ? targets : targets.filter((t) => t.kind === 'stdin' || t.real !== standIn), errors };
}

/** `-`, named by `--stdin-filename` when given; a directory cannot be what the text stands for. */
function stdinTarget(cwd: string, stdinFilename: string | undefined, errors: string[]): Target {
  if (stdinFilename === undefined) return { kind: 'stdin' };
  const path = resolve(cwd, stdinFilename);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // a file not saved yet (or unreadable): the piped text is what is linted, under the name given
  }
  if (isDirectory) {
    errors.push(`${stdinFilename}: --stdin-filename names a directory; give the path of the file the text read from - stands for`);
    return { kind: 'stdin' };
  }
  return { kind: 'stdin', path, real: realPath(path), config: basename(path) === configFileName };
}

/**
 * A glob's matches, sorted; `problem` says why a match cannot be linted (as the directory walk would say it).
 * `configs`: how many marathon-lint.config.json files it matched, which are left out.
 */
function expandGlob(pattern: string, cwd: string): { matches: { path: string; problem?: string }[]; configs: number } {
  // Loaded only when a glob is used (startup cost), and through require so the bundle takes the
  // package's CommonJS build (its ESM build needs import.meta, which a CJS bundle does not have).
  const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
  // tinyglobby's crawler (fdir) silently drops a symlink it cannot follow and a FIFO, socket or device. Shown to it as
  // a plain file instead, such an entry is matched against the pattern like any name, and a match is reported.
  const unusable = new Map<string, string>();
  const listing = (dir: string, options: { withFileTypes: true }): Dirent[] =>
    readdirSync(dir, options).map((entry) => {
      if (entry.isFile() || entry.isDirectory()) return entry;
      const path = resolve(dir, entry.name);
      let st: Stats | Dirent = entry;
      try {
        if (entry.isSymbolicLink()) st = statSync(path);
      } catch (e) {
        unusable.set(path, statFailure(path, e));
        return asPlainFile(entry);
      }
      if (st.isFile() || st.isDirectory()) return entry;
      unusable.set(path, notRegularFile);
      return asPlainFile(entry);
    });
  const all = globSync(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
    fs: { readdirSync: listing as unknown as typeof readdirSync },
  });
  const matches = all
    .filter((p) => !p.endsWith('/' + configFileName))
    .sort()
    .map((p) => ({ path: p, problem: unusable.get(resolve(p)) }));
  return { matches, configs: all.length - matches.length };
}

function asPlainFile(entry: Dirent): Dirent {
  return Object.assign(Object.create(entry) as Dirent, { isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false });
}

/** How a file is named in the report: relative to the working directory, with forward slashes. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? abs : rel).split(sep).join('/');
}

/**
 * Depth-first, entries sorted by name, so output order does not depend on the filesystem. Returns how many *.json
 * entries it met, linted or reported in `errors` (a broken link, a FIFO: as when named on the command line);
 * undefined when `dir` itself could not be read (the error is already in `errors`).
 */
function walk(dir: string, display: string, add: (p: string) => void, errors: string[], visited: Set<string>): number | undefined {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    if (visited.has(real)) return 0; // a symlink cycle
    visited.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(`${display}: ${describeFsError(e)}`);
    return undefined;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let met = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const shown = join(display, entry.name);
    const json = entry.name.endsWith('.json') && entry.name !== configFileName;
    let st: Stats | Dirent = entry;
    if (entry.isSymbolicLink()) {
      try {
        st = statSync(path);
      } catch (e) {
        if (entry.name.endsWith('.json')) {
          met++;
          errors.push(`${shown}: ${statFailure(path, e)}`);
        }
        continue;
      }
    }
    if (st.isDirectory()) {
      if (!skippedDirs.has(entry.name)) met += walk(path, shown, add, errors, visited) ?? 0;
    } else if (json) {
      met++;
      if (st.isFile()) add(path);
      else errors.push(`${shown}: ${notRegularFile}`);
    }
  }
  return met;
}

function realPath(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs; // it will fail to read, and say why, under the name it was given
  }
}

/** Why a path cannot be followed: a link that leads nowhere or back to itself is named as such, not as missing. */
function statFailure(abs: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  // ELOOP: the kernel gave up following links (a loop, or a chain over 40 long), so no file was ever reached.
  if (code === 'ELOOP') return 'symbolic link loop (following it never reaches a file)';
  if (code === 'ENOENT' && isDanglingLink(abs)) return 'broken symbolic link (its target does not exist)';
  return describeFsError(e);
}

function isDanglingLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
