/**
 * Client settings (`workspace/configuration`, section `marathon`), validated field by field: a bad
 * value is dropped with a log line and the rest still applies. Settings override marathon-lint.config.json.
 */
import type { Connection } from 'vscode-languageserver';
import type { MarathonSettings } from '../protocol';
import { isSupportedVersion, supportedVersions, type Profile, type RuleSetting } from '../core/profile';
import type { Logger } from './logger';
import { sanitizeClusterSettings } from './clusterSettings';

const ruleSettings = new Set(['off', 'warning', 'error']);

function sanitizeSettings(raw: unknown, log: Logger): MarathonSettings {
  const out: MarathonSettings = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    log.error(`marathon settings ignored: expected an object, got ${JSON.stringify(raw)}`);
    return out;
  }
  const r = raw as Record<string, unknown>;
  if (r.marathonVersion !== undefined && r.marathonVersion !== null && r.marathonVersion !== '') {
    if (isSupportedVersion(r.marathonVersion)) out.marathonVersion = r.marathonVersion;
    else log.error(`marathon.marathonVersion ignored: expected one of ${supportedVersions.join(', ')} (a patch such as 1.8.230 is allowed), got ${JSON.stringify(r.marathonVersion)}`);
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      out.rules = {};
      for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
        if (typeof v === 'string' && ruleSettings.has(v)) out.rules[id] = v as RuleSetting;
        else log.error(`marathon.rules.${id} ignored: expected "off", "warning" or "error", got ${JSON.stringify(v)}`);
      }
    } else log.error(`marathon.rules ignored: expected an object of rule id → severity`);
  }
  if (r.files !== undefined && r.files !== null) {
    if (Array.isArray(r.files)) out.files = r.files.filter((g): g is string => typeof g === 'string' && g.length > 0);
    else log.error('marathon.files ignored: expected an array of glob strings');
  }
  if (r.agents !== undefined && r.agents !== null) {
    if (Array.isArray(r.agents)) {
      out.agents = [];
      for (const a of r.agents as unknown[]) {
        const { name, url } = (a ?? {}) as Record<string, unknown>;
        if (typeof name === 'string' && name && typeof url === 'string' && /^wss?:\/\//i.test(url)) out.agents.push({ name, url });
        else log.error(`marathon.agents: ignored ${JSON.stringify(a)}: expected {"name": "agent-1", "url": "ws://HOST:8474"}`);
      }
    } else log.error('marathon.agents ignored: expected an array of {"name", "url"}');
  }
  if (typeof r.currentAgent === 'string' && r.currentAgent) out.currentAgent = r.currentAgent;
  if (typeof r.tokenFile === 'string' && r.tokenFile) out.tokenFile = r.tokenFile;
  const cluster = sanitizeClusterSettings(r.cluster, log);
  if (cluster) out.cluster = cluster;
  const trace = (r.trace as Record<string, unknown> | undefined)?.server;
  if (trace === 'off' || trace === 'messages' || trace === 'verbose') out.trace = { server: trace };
  return out;
}

/** Settings win over the project file: version replaced, rule severities merged on top. */
export function applySettings(profile: Profile, settings: MarathonSettings): Profile {
  return {
    ...profile,
    marathonVersion: settings.marathonVersion ?? profile.marathonVersion,
    rules: { ...profile.rules, ...(settings.rules ?? {}) },
  };
}

/** Holds the current settings; re-read on didChangeConfiguration. */
export class SettingsStore {
  private current: MarathonSettings = {};
  private readonly listeners: ((s: MarathonSettings) => void)[] = [];
  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly canPull: () => boolean,
  ) {}

  /** Called after every refresh (the cluster link reconnects when its settings changed). */
  onDidChange(listener: (s: MarathonSettings) => void): void {
    this.listeners.push(listener);
  }

  get settings(): MarathonSettings {
    return this.current;
  }

  /** Pulls from the client when it supports workspace/configuration, else uses the pushed value. */
  async refresh(pushed?: unknown): Promise<void> {
    let raw: unknown = (pushed as { marathon?: unknown } | undefined)?.marathon;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration('marathon');
      } catch (e) {
        this.log.error('workspace/configuration failed; keeping the previous settings', e);
        return;
      }
    }
    this.current = sanitizeSettings(raw, this.log);
    this.log.setVerbose(this.current.trace?.server === 'verbose');
    for (const l of this.listeners) l(this.current);
  }
}
