/**
 * Each definition's own findings, by content (contentCache.ts): the same text, kind and profile always lint
 * the same, so an unchanged definition is linted once however often it is sent.
 */
import { lint, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { cacheChars, perProfile } from './contentCache';
import type { LintTarget } from './proposal';

const cacheFor = perProfile<Profile, readonly Diagnostic[]>(cacheChars.definitions);

export function lintTarget(target: Pick<LintTarget, 'kind' | 'text'>, profile: Profile): readonly Diagnostic[] {
  const cache = cacheFor(profile);
  const key = target.kind + '\0' + target.text;
  const hit = cache.get(key);
  if (hit) return hit;
  const { diagnostics } = lint(target.text, { kind: target.kind, profile });
  cache.set(key, diagnostics);
  return diagnostics;
}
