/** Minimal glob → RegExp for `marathon.files`: `**`, `*`, `?`, `{a,b}`, character classes. Paths use `/`. */

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches anything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup = true;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** True when `path` (absolute, `/`-separated) matches the glob, taken relative to any workspace root when not absolute. */
export function matchesGlob(path: string, glob: string, roots: readonly string[]): boolean {
  let rx: RegExp;
  try {
    rx = globToRegExp(glob);
  } catch {
    return false; // an invalid pattern matches nothing
  }
  if (glob.startsWith('/')) return rx.test(path);
  if (rx.test(path)) return true;
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : root + '/';
    if (path.startsWith(prefix) && rx.test(path.slice(prefix.length))) return true;
  }
  // A bare pattern like `**/*.marathon.json` also matches anywhere.
  return !glob.includes('/') && rx.test(path.slice(path.lastIndexOf('/') + 1));
}
