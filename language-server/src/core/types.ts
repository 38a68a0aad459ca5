/** Plain data shared by the engine, its rules and every adapter (CLI, LSP server). No I/O here. */
import type { DefinitionKind } from '@marathon-devtools/schema/schemaIds';

export type Severity = 'error' | 'warning' | 'info';

/** A definition kind with a published schema, or 'unknown' for anything else. */
export type DocumentKind = DefinitionKind | 'unknown';

/** 0-based, as in LSP. `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * An edit addressed by JSON pointer, so that rules never deal with text offsets.
 * The engine turns these into text edits (jsonc-parser `modify`) for quick fixes.
 */
export type PointerEdit =
  | { op: 'replace'; pointer: string; value: unknown }
  | { op: 'add'; pointer: string; value: unknown }
  | { op: 'remove'; pointer: string }
  /** Renames the key at `pointer` to `to` in place: the value and the layout around it stay as typed. */
  | { op: 'rename'; pointer: string; to: string };

export interface Fix {
  /** Shown on the light bulb, e.g. `Set maximumOverCapacity to 0`. */
  title: string;
  edits: PointerEdit[];
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One finding, as the CLI's `--format json` prints it (plus the optional fix). */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer to the offending key or value ("" is the whole document). */
  pointer: string;
  range: Range;
  /** Link to docs/rules/<ruleId>.md. */
  docsUrl: string;
  fix?: Fix;
  /** Other places the finding concerns, each with what it is (LSP relatedInformation, SARIF relatedLocations). */
  related?: { range: Range; message: string }[];
}

export interface LintResult {
  kind: DocumentKind;
  diagnostics: Diagnostic[];
}

/**
 * The bytes a reader (the CLI) decoded were not UTF-8 as Marathon reads them: where the first bad byte landed in
 * the text (decoded as U+FFFD) and its value. The engine never sees bytes; it only words the finding (parse.ts).
 */
export interface InvalidUtf8 {
  offset: number;
  byte: number;
}
