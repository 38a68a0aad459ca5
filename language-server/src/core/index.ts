/**
 * The engine's public face without rules: the pipeline, the `Rule` contract rules implement, profiles and
 * fixes. No I/O, no LSP, no rules (test/core/imports.test.ts guards it). `src/index.ts` plugs the rules in.
 */
export type { Diagnostic, DocumentKind, Fix, InvalidUtf8, LintResult, PointerEdit, Position, Range, Severity, TextEdit } from './types';
export type { Feature, Profile, RuleSetting } from './profile';
export type { Report, Rule, RuleContext, RuleMeta } from './rule';
export type { LintOptions, Linter, PointerDiagnostic, ValueLintResult } from './linter';
export { createLinter } from './linter';
export { ruleDocsUrl } from './rule';
export { compareVersions, defaultProfile, supportedVersions } from './profile';
export { knownFeatures } from './config';
export { applyTextEdits, fixToTextEdits } from './fixes';
export { detectKind } from './kind';
export { heldBackByJsonLayer } from './jsonLayer';
export { pointerTokens } from './pointer';
