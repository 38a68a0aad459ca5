/** Where a file lies below a directory, for the CLI's repository paths and a config's ignorePatterns alike. */
import { isAbsolute, relative, sep } from 'node:path';

/** `file`'s path relative to `dir` with forward slashes, or undefined when it is `dir` itself or not below it. */
export function pathBelow(dir: string, file: string): string | undefined {
  const rel = relative(dir, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
