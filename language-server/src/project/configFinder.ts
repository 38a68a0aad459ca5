/**
 * Finds the `marathon-lint.config.json` that applies to a directory: in it or in the nearest directory
 * above it. Shared by the CLI and the language server (both adapters; the engine itself does no I/O).
 * Each directory is looked up once; `clear()` forgets everything (the server calls it when a config changes).
 */
import { lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const configFileName = 'marathon-lint.config.json';

export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();

  /** The config file for documents in `start`, or null when there is none up to the root. */
  find(start: string): string | null {
    const visited: string[] = [];
    let dir = start;
    let found: string | null = null;
    for (;;) {
      const known = this.byDir.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, configFileName);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  clear(): void {
    this.byDir.clear();
  }
}

/**
 * A config is here when the name is here: a dangling symlink (or one we may not follow) is still the config the
 * user put in this directory, so reading it reports why it fails instead of silently using one further up.
 */
function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    try {
      return lstatSync(p).isSymbolicLink();
    } catch {
      return false; // no config here: keep looking upward
    }
  }
}
