/**
 * What discovery and `dvdi-bridge scale` need from Marathon, and nothing more: one app, its tasks, its features, and
 * setting its instance count (../shared/reference/marathon-api.md §4, §7, §9), over the cluster workspace's Marathon client.
 */
import { MarathonClient } from '../marathon/client';
import { MarathonError } from '../marathon/errors';
import type { MarathonClientOptions } from '../marathon/options';
import type { GroupInfo } from '../marathon/types';
import type { BridgeTask } from './bridges';

export interface MarathonApps {
  getApp(id: string): Promise<Record<string, unknown>>;
  getAppTasks(id: string): Promise<BridgeTask[]>;
  /**
   * Marathon's enabled features (`marathon_config.features` of /v2/info, marathon-api.md §9), or why they could not be
   * read (DC/OS Enterprise may refuse /v2/info to an account that may read apps): placement needs gpu_resources, and
   * the version (which GPU scheduling behaviour is the default); `mesos_role` and `new_group_enforce_role` give an app
   * without a role its role (placement/marathonRole.ts).
   */
  getFeatures(): Promise<{ features: string[]; version: string; mesosRole?: string; newGroupEnforceRole?: string } | { unknown: string }>;
  /** The deployed root group (marathon-api.md §5; whether a top-level group enforces its role), or why it could not be read. */
  getRootGroup(): Promise<GroupInfo | { unknown: string }>;
  /** `PUT /v2/apps/{id}` with `{"instances": n}` (partialUpdate, the default); `force` overrides a deployment lock. */
  setInstances(id: string, instances: number, force: boolean): Promise<{ deploymentId?: string }>;
}

const missing = (client: MarathonClient, id: string, what: string) => new MarathonError('http', `${client.url}v2/apps${id}${what}`, `HTTP 404: App '${id}' does not exist`, 404);

export function marathonApps(options: MarathonClientOptions): MarathonApps {
  const client = new MarathonClient(options);
  return {
    async getApp(id) {
      const app = await client.getApp(id);
      if (!app) throw missing(client, id, '');
      return app as Record<string, unknown>;
    },
    async getAppTasks(id) {
      const tasks = await client.getAppTasks(id);
      if (!tasks) throw missing(client, id, '/tasks');
      return tasks.filter((t) => typeof t?.id === 'string' && typeof t?.host === 'string');
    },
    async getFeatures() {
      try {
        const info = await client.getInfo();
        const mc = info.marathon_config;
        const f = mc.features;
        const role = typeof mc.mesos_role === 'string' ? { mesosRole: mc.mesos_role } : {};
        const enforce = typeof mc.new_group_enforce_role === 'string' ? { newGroupEnforceRole: mc.new_group_enforce_role } : {};
        return { features: Array.isArray(f) ? f.filter((x): x is string => typeof x === 'string') : [], version: info.version, ...role, ...enforce };
      } catch (e) {
        return { unknown: (e as Error).message };
      }
    },
    async getRootGroup() {
      try {
        return await client.getRootGroup();
      } catch (e) {
        return { unknown: (e as Error).message };
      }
    },
    async setInstances(id, instances, force) {
      try {
        const r = await client.putApp(id, { instances }, { force: force || undefined });
        return r?.deploymentId ? { deploymentId: r.deploymentId } : {};
      } catch (e) {
        if (e instanceof MarathonError && e.status === 409) throw new MarathonError('http', e.url, `${e.cause_}; a deployment holds the app (use --force to override it)`, 409, e.body);
        throw e;
      }
    },
  };
}
