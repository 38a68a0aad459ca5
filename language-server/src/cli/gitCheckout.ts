/**
 * The git checkout a working directory lies in: the nearest directory at or above it that holds `.git` (a
 * directory, or the file a worktree or submodule has). Outside GitHub Actions this is the root `--format sarif`
 * names files from (with `uriBaseId` "%SRCROOT%": SARIF 2.1.0, artifactLocation.uriBaseId), as CodeQL does, so code scanning and SARIF
 * viewers find the files whichever subdirectory the run started in.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function gitCheckoutRoot(cwd: string): string | undefined {
  let dir: string;
  try {
    dir = realpathSync(cwd);
  } catch {
    return undefined;
  }
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
