/**
 * The server's one binding to the engine façade and the knowledge features need (schemas, drivers,
 * rule metadata). The server adds no rule of its own: everything it reports comes from `lint`.
 */
import { allRules, lint, fixToTextEdits } from '../index';
import type { Profile } from '../core/profile';
import type { LintResult } from '../core/types';
import { knownDrivers } from '../model/drivers/index';
import { createFeatureContext, type FeatureContext } from '../features/context';
import { schemas } from './schemas';

export { fixToTextEdits };

/** The kind is the engine's to decide (core/kind.ts), as for the CLI: the server never forces one. */
export function lintDocument(text: string, profile: Profile, uri: string): LintResult {
  return lint(text, { profile, uri });
}

let context: FeatureContext | undefined;
export function featureContext(): FeatureContext {
  context ??= createFeatureContext(schemas, [...knownDrivers], allRules);
  return context;
}
