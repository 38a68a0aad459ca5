/**
 * The server's one binding to the engine façade and the knowledge features need (schemas, drivers,
 * rule metadata). The server adds no rule of its own: everything it reports comes from `lint`.
 */
import { allRules, lint, lintTogether, fixToTextEdits, parseConfig } from '../index';
import type { Profile } from '../core/profile';
import type { Diagnostic, LintResult } from '../core/types';
import { configFileName } from '../project/configFinder';
import { knownDrivers } from '../model/drivers/index';
import { createFeatureContext, type FeatureContext } from '../features/context';
import { schemas } from './schemas';

export { fixToTextEdits };

/**
 * The kind is the engine's to decide (core/kind.ts), as for the CLI: the server never forces one. A batch of apps is
 * several apps in one change: its elements are placed together for the root-group rules, as marathon-lint places a
 * batch file (rootGroup/lintTogether.ts).
 */
export function lintDocument(text: string, profile: Profile, uri: string): LintResult {
  const alone = lint(text, { profile, uri });
  return alone.kind === 'apps' ? lintTogether([{ text, kind: alone.kind }], { profile, alone: [alone] })[0] : alone;
}

/**
 * A marathon-lint.config.json's own findings for the text being edited, worded as marathon-lint words them for that
 * file (cli/configLookup.ts): the engine puts the file name first, which the CLI moves before line:col and which on
 * the file itself is noise. No "meanwhile" note (projectConfig.ts adds one to the disk read's): this is the text.
 */
export function configTextFindings(text: string): Diagnostic[] {
  const prefix = `${configFileName}: `;
  return parseConfig(text, configFileName).errors.map((d) => (d.message.startsWith(prefix) ? { ...d, message: d.message.slice(prefix.length) } : d));
}

let context: FeatureContext | undefined;
export function featureContext(): FeatureContext {
  context ??= createFeatureContext(schemas, [...knownDrivers], allRules);
  return context;
}
