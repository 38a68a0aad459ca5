/**
 * The project's `marathon-lint.config.json`, found upward from each document's directory (as the CLI
 * does). Lookups and parses are cached and dropped whenever a config file changes on disk.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { URI } from 'vscode-uri';
import { parseConfig } from '../core/index';
import { defaultProfile, type Profile } from '../core/profile';
import type { Logger } from './logger';
import { ConfigFinder } from '../project/configFinder';

export class ProjectConfig {
  private readonly finder = new ConfigFinder();
  private readonly byFile = new Map<string, Profile>();
  constructor(private readonly log: Logger) {}

  invalidate(): void {
    this.finder.clear();
    this.byFile.clear();
  }

  profileFor(uri: string): Profile {
    const base = (): Profile => ({ ...defaultProfile, features: [...defaultProfile.features], rules: {} });
    let path: string;
    try {
      const u = URI.parse(uri);
      if (u.scheme !== 'file') return base(); // untitled and virtual documents have no project
      path = u.fsPath;
    } catch {
      return base();
    }
    const file = this.finder.find(dirname(path));
    if (!file) return base();
    let profile = this.byFile.get(file);
    if (!profile) {
      profile = this.load(file) ?? base();
      this.byFile.set(file, profile);
    }
    return profile;
  }

  private load(file: string): Profile | undefined {
    try {
      const parsed = parseConfig(readFileSync(file, 'utf8'), file);
      for (const e of (parsed.errors ?? []) as unknown[]) this.log.error(`${file}: ${typeof e === 'string' ? e : ((e as { message?: string })?.message ?? JSON.stringify(e))}`);
      return parsed.profile;
    } catch (e) {
      this.log.error(`${file}: cannot be read; using the default profile`, e);
      return undefined;
    }
  }
}
