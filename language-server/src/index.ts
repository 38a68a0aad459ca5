/**
 * The composition root: the engine (`core/`) with Marathon's rules (`rules/`) plugged in. This is the
 * package's public face (`lint`, `parseConfig`, `allRules`); the CLI, the server, docs and tests use it.
 * `core/` never imports `rules/`: it knows only the `Rule` contract (core/rule.ts).
 */
import { createLinter } from './core/index';
import { rules } from './rules/index';

export * from './core/index';

const linter = createLinter(rules);
export const lint = linter.lint;
export const parseConfig = linter.parseConfig;
export const allRules = linter.allRules;
