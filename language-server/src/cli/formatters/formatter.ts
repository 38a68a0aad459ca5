/** The one interface every output format implements: all results in, the whole stdout text out. */
import type { Diagnostic, DocumentKind } from '../../core/types';

/** One linted input, as every formatter sees it. */
export interface FileResult {
  /** Display path: relative to the working directory with forward slashes, or `<stdin>`. */
  file: string;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
}

export interface FormatContext {
  /** ANSI colours allowed (only `stylish` uses them). */
  color: boolean;
  /** Tool version, for formats that record it (SARIF). */
  version: string;
  /** Short description per rule id, for formats that describe rules (SARIF). */
  ruleSummary(ruleId: string): string;
  /** Documentation link per rule id. */
  ruleHelpUri(ruleId: string): string;
  /**
   * In GitHub Actions: the checkout (GITHUB_WORKSPACE, symlinks resolved) and the working directory the display
   * paths are relative to; `github` and `sarif` name files relative to the root (repositoryPath.ts).
   */
  repository?: { root: string; cwd: string };
  /** The errors (printed on stderr after the output, one line each) that kept inputs from being read or linted. */
  inputErrors?: readonly string[];
  /** Valid marathon-lint.config.json files named as inputs: checked, not linted, so in no result (only stylish counts them). */
  configsChecked?: number;
  /** Files named as inputs that ignorePatterns left out (each said on stderr). */
  ignoredNamed?: number;
  /** Files found by a walk or a glob that ignorePatterns left out (said only when nothing else was linted). */
  ignoredFound?: number;
  /** The profiles used and where each value came from (set when linting against a cluster). */
  profiles?: ProfileReport[];
}

export interface ProfileReport {
  /** One line: `Profile: Marathon 1.10.26 (cluster); features … (cluster); …`. */
  summary: string;
  values: Record<string, { value: unknown; source: string }>;
  cluster?: string;
  clusterVersion?: string;
}

export interface Formatter {
  format(results: readonly FileResult[], ctx: FormatContext): string;
}
