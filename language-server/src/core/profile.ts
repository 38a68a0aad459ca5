/**
 * The cluster profile a document is judged against: `marathon-lint.config.json` in exactly this shape.
 * Parsing the file's text lives in `config.ts`; finding it on disk is the adapters' job.
 */
import type { Severity } from './types';

export type RuleSetting = 'off' | 'warning' | 'error';

export type Feature = 'external_volumes' | 'secrets' | 'gpu_resources' | 'vips' | 'task_killing' | (string & {});

/**
 * Marathon's `--new_group_enforce_role` (so named from 1.9.64; before, `--group_role_behavior`), as `/v2/info` reports it from 1.9.100
 * (`marathon_config.new_group_enforce_role`, "Off" or "Top": marathon-api.md §9): whether a top-level group Marathon
 * creates enforces its role when nothing says otherwise.
 */
export type NewGroupEnforceRole = 'Off' | 'Top';
export const newGroupEnforceRoles: readonly NewGroupEnforceRole[] = ['Off', 'Top'];

export interface Profile {
  /** "1.4" … "1.10", optionally with a patch ("1.8.230") where rules changed inside a minor version. */
  marathonVersion: string;
  features: Feature[];
  mesosRole: string;
  defaultNetworkName: string | null;
  /** null: unknown, so a rule that depends on it reports only what both settings refuse. */
  newGroupEnforceRole: NewGroupEnforceRole | null;
  rules: Record<string, RuleSetting>;
}

export const defaultProfile: Readonly<Profile> = Object.freeze({
  marathonVersion: '1.10',
  features: ['external_volumes', 'secrets', 'gpu_resources', 'vips', 'task_killing'],
  mesosRole: '*',
  defaultNetworkName: null,
  newGroupEnforceRole: null,
  rules: {},
});

export const supportedVersions = ['1.1', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10'] as const;

/**
 * The one version check for the config file, `--marathon-version` and the editor setting: a known minor
 * version ("1.10"), optionally with a numeric patch ("1.8.230").
 */
export function isSupportedVersion(v: unknown): v is string {
  const m = typeof v === 'string' ? /^(\d+\.\d+)(\.\d+)?$/.exec(v) : null;
  return m !== null && (supportedVersions as readonly string[]).includes(m[1]);
}

/** Compares dotted versions numerically: "1.9" < "1.10", "1.8" < "1.8.222". A missing patch counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function hasFeature(profile: Profile, feature: Feature): boolean {
  return profile.features.includes(feature);
}

export function effectiveSeverity(profile: Profile, ruleId: string, fallback: Severity): Severity | 'off' {
  return profile.rules[ruleId] ?? fallback;
}
