/**
 * Every rule, in one explicit list (no filesystem discovery). Order is the report order for
 * findings at the same position. Adding a rule: see CONTRIBUTING.md.
 */
import type { Rule } from './rule';

export const rules: readonly Rule[] = [];
