/** Matching `marathon.files` globs (picomatch syntax: `**`, `*`, `?`, `{a,b}`, classes) against document paths. */
import picomatch from 'picomatch';

const compiled = new Map<string, ((path: string) => boolean) | null>();

function matcher(glob: string): ((path: string) => boolean) | null {
  let m = compiled.get(glob);
  if (m === undefined) {
    try {
      m = picomatch(glob, { dot: true });
    } catch {
      m = null; // an invalid pattern matches nothing
    }
    compiled.set(glob, m);
  }
  return m;
}

/** True when `path` (absolute, `/`-separated) matches the glob, taken relative to any workspace root when not absolute. */
export function matchesGlob(path: string, glob: string, roots: readonly string[]): boolean {
  const isMatch = matcher(glob);
  if (!isMatch) return false;
  if (glob.startsWith('/')) return isMatch(path);
  if (isMatch(path)) return true;
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : root + '/';
    if (path.startsWith(prefix) && isMatch(path.slice(prefix.length))) return true;
  }
  // A bare pattern like `*.marathon.json` also matches the file name anywhere.
  return !glob.includes('/') && isMatch(path.slice(path.lastIndexOf('/') + 1));
}
