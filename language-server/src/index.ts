/**
 * The composition root: the engine (`core/`) with Marathon's rules (`rules/`) plugged in. This is the
 * package's public face (`lint`, `lintValue`, `parseConfig`, `allRules`); the CLI, the server, docs and tests use it.
 * `core/` never imports `rules/`: it knows only the `Rule` contract (core/rule.ts).
 */
import { createLinter } from './core/index';
import { rootGroupRules, rules } from './rules/index';
import { lintTogetherWith, type TogetherDocument, type TogetherOptions } from './rootGroup/index';

export * from './core/index';

const linter = createLinter(rules);
export const lint = linter.lint;
export const lintValue = linter.lintValue;
export const parseConfig = linter.parseConfig;
export const allRules = linter.allRules;
/** Lint files as one change to a root group: the deployed one (`options.deployed`), or the files alone. */
export const lintTogether = (documents: readonly TogetherDocument[], options?: TogetherOptions) => lintTogetherWith(lint, rootGroupRules, documents, options);
export { placeIntoRootGroup, checkRootGroup, type PlacedRootGroup, type ProposedDocument, type RootGroupFinding, type TogetherDocument, type TogetherOptions } from './rootGroup/index';
export { rootGroupRules } from './rules/index';
