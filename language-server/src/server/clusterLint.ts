/**
 * A document judged against the live cluster (issue 13): the profile from `GET /v2/info` between the editor's
 * setting and the config file (live/liveProfile.ts), and the document placed into the deployed root group with
 * the root-group rules run there (rootGroup/). Pure over the cached copy: a keystroke costs no request.
 */
import { lint, rootGroupRules } from '../index';
import { lintTogetherWith } from '../rootGroup/index';
import type { LintOptions } from '../core/linter';
import type { Profile } from '../core/profile';
import type { LintResult } from '../core/types';
import { describeProfile, liveProfile } from '../live/liveProfile';
import type { MarathonSettings } from '../protocol';
import type { LiveCluster } from './clusterLink';
import { applySettings } from './settings';

/** The profile for a document: the editor's `marathonVersion` setting > the cluster > the config file > defaults. */
export function clusterProfile(configProfile: Profile, fromConfig: boolean, settings: MarathonSettings, live: LiveCluster): { profile: Profile; summary: string } {
  const base = { ...applySettings(configProfile, settings), marathonVersion: configProfile.marathonVersion };
  const flags = settings.marathonVersion ? { marathonVersion: settings.marathonVersion } : {};
  const p = liveProfile(base, fromConfig, { url: live.snapshot.url, info: live.snapshot.info }, flags, 'setting');
  return { profile: p.profile, summary: describeProfile(p) };
}

/** The document alone, then in the deployed root group: the root-group rules' findings are the ones in context. */
export function lintInCluster(text: string, profile: Profile, uri: string, deployed: unknown): LintResult {
  const alone = lint(text, { profile, uri });
  if (alone.kind === 'unknown') return alone;
  // lintTogether lints each document first; hand it the result we have instead of a second lint. A batch of apps is
  // linted again only to judge its elements against the deployed apps (options.batchDeployed).
  const once = (t: string, options?: LintOptions) => (options?.batchDeployed ? lint(t, { ...options, uri }) : alone);
  return lintTogetherWith(once, rootGroupRules, [{ text, kind: alone.kind }], { deployed, profile })[0];
}
