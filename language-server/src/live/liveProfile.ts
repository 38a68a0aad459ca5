/**
 * The live profile: the lint profile with each value taken, in this order, from a command-line flag, the
 * cluster's `GET /v2/info` (../shared/reference/marathon-api.md §9: `version`, `marathon_config.features`,
 * `mesos_role`, `default_network_name`, `new_group_enforce_role`), the config file, or the defaults, remembering
 * where each came from so every output can say so. Pure.
 */
import { compareVersions, defaultProfile, newGroupEnforceRoles, type NewGroupEnforceRole, type Profile } from '../core/profile';

/** `setting`: the editor's own setting (`marathon.marathonVersion`), which wins over the cluster as a flag does. */
export type ProfileSource = 'flag' | 'setting' | 'cluster' | 'config' | 'default';
export type ProfileKey = 'marathonVersion' | 'features' | 'mesosRole' | 'defaultNetworkName' | 'newGroupEnforceRole';
export const profileKeys: readonly ProfileKey[] = ['marathonVersion', 'features', 'mesosRole', 'defaultNetworkName', 'newGroupEnforceRole'];

export interface LiveProfile {
  profile: Profile;
  sources: Record<ProfileKey, ProfileSource>;
  /** The cluster's base URL when the cluster contributed. */
  cluster?: string;
  /** The version string exactly as the cluster reported it ("1.10.26", "1.5.0-SNAPSHOT"). */
  clusterVersion?: string;
  /** Said to the user (stderr, the profile line): the cluster's /v2/info version could not be read, so it set none. */
  clusterProblem?: string;
}

/** What `/v2/info` says, as profile values; a value the version does not report stays undefined. */
function profileFromInfo(info: unknown): { values: Partial<Pick<Profile, ProfileKey>>; version?: string; error?: string } {
  const i = (info ?? {}) as { version?: unknown; marathon_config?: Record<string, unknown> };
  const raw = typeof i.version === 'string' ? i.version : undefined;
  const m = raw ? /^(\d+\.\d+(?:\.\d+)?)/.exec(raw) : null;
  // An unreadable version sets no version; what else the cluster reports still counts.
  const mc = (i.marathon_config && typeof i.marathon_config === 'object' ? i.marathon_config : {}) as Record<string, unknown>;
  const values: Partial<Pick<Profile, ProfileKey>> = m ? { marathonVersion: m[1] } : {};
  if (Array.isArray(mc.features)) values.features = mc.features.filter((f): f is string => typeof f === 'string');
  if (typeof mc.mesos_role === 'string') values.mesosRole = mc.mesos_role;
  // 1.4+ writes the key (null when unset); older versions have no default network at all.
  if ('default_network_name' in mc) values.defaultNetworkName = typeof mc.default_network_name === 'string' ? mc.default_network_name : null;
  // 1.9.100+ (InfoResource: `config.newGroupEnforceRole().toString`, "Off" or "Top"); absent before: not known.
  if ((newGroupEnforceRoles as readonly unknown[]).includes(mc.new_group_enforce_role)) values.newGroupEnforceRole = mc.new_group_enforce_role as NewGroupEnforceRole;
  if (!m) return { values, error: `version ${JSON.stringify(i.version ?? null)} is not a Marathon version` };
  return { values, version: raw };
}

/**
 * Precedence: flags > cluster > config file > defaults. `base` is the config file's profile (or the defaults,
 * when `fromConfig` is false); `flags` the values given on the command line.
 */
export function liveProfile(base: Profile, fromConfig: boolean, cluster: { url: string; info: unknown } | undefined, flags: Partial<Pick<Profile, ProfileKey>> = {}, flagSource: ProfileSource = 'flag'): LiveProfile {
  const profile: Profile = { ...base, features: [...base.features] };
  // A config file sets some keys; the rest of its profile is the defaults, and is said to be so.
  const baseSource = (k: ProfileKey): ProfileSource => (fromConfig && !sameAsDefault(base, k) ? 'config' : 'default');
  const sources = Object.fromEntries(profileKeys.map((k) => [k, baseSource(k)])) as Record<ProfileKey, ProfileSource>;
  const set = <K extends ProfileKey>(k: K, v: Profile[K] | undefined, s: ProfileSource) => {
    if (v === undefined) return;
    (profile as Record<ProfileKey, unknown>)[k] = v;
    sources[k] = s;
  };
  let clusterVersion: string | undefined;
  let versionError: string | undefined;
  if (cluster) {
    const fromInfo = profileFromInfo(cluster.info);
    clusterVersion = fromInfo.version;
    versionError = fromInfo.error;
    for (const k of profileKeys) set(k, fromInfo.values[k], 'cluster');
  }
  for (const k of profileKeys) set(k, flags[k], flagSource);
  // Only a problem when nothing stronger than the cluster gave the version.
  const clusterProblem = versionError && sources.marathonVersion !== flagSource ? `${versionError}; judged as Marathon ${profile.marathonVersion} (${sources.marathonVersion})` : undefined;
  return { profile, sources, cluster: cluster?.url, clusterVersion, ...(clusterProblem ? { clusterProblem } : {}) };
}

function sameAsDefault(p: Profile, k: ProfileKey): boolean {
  const v = p[k];
  const d = defaultProfile[k];
  return Array.isArray(v) && Array.isArray(d) ? v.length === d.length && v.every((x, i) => x === d[i]) : v === d;
}

/** One line for people: `Marathon 1.10.26 (cluster), features external_volumes, secrets (cluster), …`. */
export function describeProfile(p: LiveProfile): string {
  const s = p.sources;
  const version = s.marathonVersion === 'cluster' && p.clusterVersion ? p.clusterVersion : p.profile.marathonVersion;
  const parts = [
    `Marathon ${version} (${s.marathonVersion})`,
    `features ${p.profile.features.length ? p.profile.features.join(', ') : 'none'} (${s.features})`,
    `mesos_role ${p.profile.mesosRole} (${s.mesosRole})`,
    `default network ${p.profile.defaultNetworkName ?? 'none'} (${s.defaultNetworkName})`,
  ];
  // The flag exists from 1.9 on (marathon-api.md §9); before, no rule asks for it.
  if (compareVersions(p.profile.marathonVersion, '1.9') >= 0) parts.push(`new_group_enforce_role ${p.profile.newGroupEnforceRole ?? 'unknown'} (${s.newGroupEnforceRole})`);
  return `Profile: ${parts.join('; ')}${p.cluster ? `; cluster ${p.cluster.replace(/\/+$/, '')}` : ''}${p.clusterProblem ? ` (/v2/info: ${p.clusterProblem})` : ''}.`;
}
