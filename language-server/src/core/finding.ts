/**
 * A finding before it has a text range: what every pipeline step produces. Positions are attached in one
 * pass at the end (positions.ts), so that valid documents never pay for them.
 */
import type { Fix, Severity } from './types';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer to the offending value ("" = whole document). */
  pointer: string;
  /** Put the range on the property name instead of the value. */
  target?: 'key' | 'value';
  fix?: Fix;
  /** About this key being absent from the object at `pointer` (see `Report.missing` in rule.ts). */
  missing?: string | readonly string[];
  /** The key at `pointer` looks like a misspelling of this absent one. */
  misspelling?: string;
  /** A semantic rule's own severity, before the profile's `rules` setting changed it (overlap.ts). */
  ruleSeverity?: Severity;
  /**
   * Known text span, for findings that come from the text itself (syntax errors, duplicate keys):
   * these have no resolvable pointer, or must point at one specific occurrence.
   */
  span?: { offset: number; length: number };
  /** Other places the finding concerns (a syntax error's opener is the finding, where the parser gave up is related). */
  related?: { offset: number; length: number; message: string }[];
}
