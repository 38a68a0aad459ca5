/**
 * The project's `marathon-lint.config.json`, found upward from each document's directory (as the CLI
 * does). Lookups and parses are cached and dropped whenever a config file changes on disk.
 *
 * A config's own problems (invalid JSON, an unknown rule id, a wrong value) are handed to `report` as LSP
 * diagnostics on the config file's URI, so the user sees them in the Problems list with a position rather
 * than only in the log, and they are withdrawn (an empty list) when the config changes or disappears.
 */
import { basename, dirname } from 'node:path';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { defaultProfile, type Profile } from '../core/profile';
import type { Diagnostic } from '../core/types';
import { loadProfile } from '../project/loadProfile';
import type { Logger } from './logger';
import { ConfigFinder } from '../project/configFinder';
import { ignoreMatcher, type IgnoreMatcher } from '../project/ignorePatterns';
import { toLspDiagnostic } from './toLsp';

/** Diagnostics for one config file; an empty list withdraws them. */
export type ConfigReporter = (configUri: string, diagnostics: LspDiagnostic[]) => void;

export class ProjectConfig {
  private readonly finder = new ConfigFinder();
  private readonly byFile = new Map<string, { profile: Profile; ignored?: IgnoreMatcher }>();
  /** Config URIs that currently have findings published, to withdraw them on change or deletion. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly log: Logger,
    private readonly report: ConfigReporter = () => undefined,
  ) {}

  invalidate(): void {
    this.finder.clear();
    this.byFile.clear();
    // Withdraw; a config that is still broken is reported again when the documents are re-validated.
    for (const uri of this.reported) this.report(uri, []);
    this.reported.clear();
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
    return this.configFor(path)?.profile ?? base();
  }

  /**
   * The pattern of the governing config's `ignorePatterns` that leaves this document out (as the CLI leaves the file
   * out of a run), or undefined. Untitled and virtual documents are below no config.
   */
  ignoredBy(uri: string): string | undefined {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' ? this.configFor(u.fsPath)?.ignored?.(u.fsPath) : undefined;
    } catch {
      return undefined;
    }
  }

  private configFor(path: string): { profile: Profile; ignored?: IgnoreMatcher } | undefined {
    const file = this.finder.find(dirname(path));
    if (!file) return undefined;
    let config = this.byFile.get(file);
    if (!config) {
      config = this.load(file) ?? { profile: { ...defaultProfile, features: [...defaultProfile.features], rules: {} } };
      this.byFile.set(file, config);
    }
    return config;
  }

  /** Whether a `marathon-lint.config.json` governs this document (the profile's values then come from it). */
  hasConfigFile(uri: string): boolean {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' && this.finder.find(dirname(u.fsPath)) !== null;
    } catch {
      return false;
    }
  }

  private load(file: string): { profile: Profile; ignored?: IgnoreMatcher } | undefined {
    const configUri = URI.file(file).toString();
    const name = basename(file);
    const loaded = loadProfile(file, name);
    if (!loaded.ok) {
      if (loaded.cause === 'engine') {
        this.log.error(`${file}: cannot be read (${loaded.detail}); using the default profile`);
        return undefined;
      }
      const message = `cannot be read (${loaded.detail}); documents under it are linted with the default profile`;
      this.log.error(`${file}: ${message}`);
      this.publish(configUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, code: 'config', source: 'marathon', message }]);
      return undefined;
    }
    for (const e of loaded.problems) this.log.error(`${file}: ${e.message}`);
    // The engine starts each message with the file name; on the file itself that is noise.
    const own = (m: string) => (m.startsWith(`${name}: `) ? m.slice(name.length + 2) : m);
    // The engine's messages say what is wrong; what the editor does meanwhile is the editor's to say (the CLI lints
    // nothing under a config with errors, docs/rules/config.md).
    const meanwhile = (d: Diagnostic) => (d.severity === 'error' ? ' Until it is fixed, documents under this config are linted with the defaults in place of what is wrong.' : '');
    this.publish(configUri, loaded.problems.map((d) => ({ ...toLspDiagnostic(d, configUri), message: own(d.message) + meanwhile(d) })));
    return { profile: loaded.profile, ignored: ignoreMatcher(dirname(file), loaded.ignorePatterns) };
  }

  private publish(configUri: string, diagnostics: LspDiagnostic[]): void {
    if (diagnostics.length === 0) return;
    this.reported.add(configUri);
    this.report(configUri, diagnostics);
  }
}
