/**
 * A config's `ignorePatterns` (core/config.ts) → which files below its directory are not definitions, for the CLI
 * (directory walks, globs and named files) and the language server alike. The semantics are .gitignore's, which a
 * user writing them knows (gitignore(5)): relative to the config's directory; a pattern without a `/` (a trailing one
 * aside) matches a name at any depth; a pattern that matches a directory ignores everything in it; a trailing `/`
 * matches only directories; a leading `/` anchors; `!` takes a file back, the last pattern that matches deciding.
 * Globs are picomatch's (`*`, `**`, `?`, `{a,b}`, classes), as for the editor's `marathon.files`; the test holds the
 * verdicts equal to `git check-ignore`'s.
 */
import { pathBelow } from './pathBelow';
import picomatch from 'picomatch';

/** The pattern that ignores `file` (absolute), or undefined when none does. */
export type IgnoreMatcher = (file: string) => string | undefined;

interface Compiled {
  pattern: string;
  negated: boolean;
  directoryOnly: boolean;
  isMatch: (path: string) => boolean;
}

export function ignoreMatcher(configDir: string, patterns: readonly string[]): IgnoreMatcher | undefined {
  const compiled = patterns.flatMap((pattern) => compile(pattern) ?? []);
  if (compiled.length === 0) return undefined;
  return (file) => {
    const rel = pathBelow(configDir, file);
    if (rel === undefined) return undefined;
    const parts = rel.split('/');
    // Each directory above the file, from the top, then the file: as git does, a file in an ignored directory stays
    // ignored whatever `!` says of it (gitignore(5): "It is not possible to re-include a file if a parent directory
    // of that file is excluded").
    for (let i = 1; i < parts.length; i++) {
      const ignoredBy = lastMatch(compiled, parts.slice(0, i).join('/'), true);
      if (ignoredBy !== undefined) return ignoredBy;
    }
    return lastMatch(compiled, rel, false);
  };
}

/** The pattern that ignores `path` (the last one matching it decides), or undefined when that one is a `!`. */
function lastMatch(compiled: readonly Compiled[], path: string, isDirectory: boolean): string | undefined {
  for (let i = compiled.length - 1; i >= 0; i--) {
    const c = compiled[i];
    if ((!c.directoryOnly || isDirectory) && c.isMatch(path)) return c.negated ? undefined : c.pattern;
  }
  return undefined;
}

function compile(pattern: string): Compiled | undefined {
  const trimmed = withoutTrailingSpaces(pattern);
  const negated = trimmed.startsWith('!');
  let glob = negated ? trimmed.slice(1) : trimmed;
  const directoryOnly = glob.endsWith('/');
  glob = glob.replace(/\/+$/, '');
  const anchored = glob.includes('/');
  glob = glob.replace(/^\/+/, '');
  if (glob === '') return undefined;
  // git's `dir/**` is what is inside dir, never dir itself; picomatch's matches dir too (bash's globstar).
  if (glob.endsWith('/**')) glob += '/*';
  // gitignore(5)'s `[!a]` is a negated class (fnmatch(3)); picomatch reads it as the characters `!` and `a`.
  glob = glob.replace(/(^|[^\\])\[!/g, '$1[^');
  try {
    const m = picomatch(glob, { dot: true });
    // Unanchored: the name at any depth, as .gitignore reads `package.json` or `*.tmp.json`.
    const isMatch = anchored ? m : (path: string) => m(path.slice(path.lastIndexOf('/') + 1));
    return { pattern: trimmed, negated, directoryOnly, isMatch };
  } catch {
    return undefined; // picomatch refuses very few patterns; one it refuses matches nothing
  }
}

/**
 * gitignore(5): "Trailing spaces are ignored unless they are quoted with backslash". Kept, "fixtures/ " (a stray
 * space, or one copied from a .gitignore line) matched no file and left the fixtures linted without a word.
 */
function withoutTrailingSpaces(pattern: string): string {
  let end = pattern.length;
  while (end > 0 && pattern[end - 1] === ' ' && pattern[end - 2] !== '\\') end--;
  return pattern.slice(0, end);
}
