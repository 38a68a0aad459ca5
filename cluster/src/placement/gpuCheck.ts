/**
 * GPUs decide whether Marathon uses an agent at all, whatever the amounts (Marathon 1.10):
 * - Mesos offers an agent that has GPUs only to frameworks with the GPU_RESOURCES capability (MESOS-5634), which
 *   Marathon registers only with `--enable_features gpu_resources` (MarathonSchedulerDriver.scala); /v2/info lists it
 *   in `features` (marathon-api.md §9).
 * - With it, an app that needs no GPUs is declined an offer that carries GPUs when the scheduling behaviour is
 *   `restricted`: the app's label GPU_SCHEDULING_BEHAVIOR, else `--gpu_scheduling_behavior` (not reported by /v2/info)
 *   (ResourceMatcher.scala `checkGpuSchedulingBehaviour`). That check and its default depend on the version /v2/info
 *   reports (gpuBehavior below). An offer to the app's role holds the agent's unreserved GPUs and those reserved for
 *   that role (mesos-master-api.md §2, resource summaries).
 * - An app that needs GPUs never fits an agent without GPUs of a role it accepts.
 * Pure.
 */
import type { MesosAgent, ResourceSummary } from '../mesos/agent';

const gpusOf = (r: ResourceSummary | undefined): number => Number(r?.gpus) || 0;

export interface GpuSpec {
  gpus?: unknown;
  labels?: unknown;
}

/**
 * Whether Marathon `version` declines offers with GPUs for an app that needs none, read at each tag's
 * ResourceMatcher.scala and MarathonConf.scala: 1.4 and older have no such check; 1.5 to 1.7 read the label
 * GPU_SCHEDULING_BEHAVIOR (`undefined`, `restricted`, `unrestricted`) else the flag, whose default is `undefined` (the
 * offer is taken, with a warning in Marathon's log); 1.8 and later drop `undefined` and default to `restricted`. A
 * version that does not read as major.minor is taken for the newest.
 */
function declinesGpuOffers(version: string | undefined, label: unknown): { declines: boolean; why: string } {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  const at = (minor: number) => !m || Number(m[1]) > 1 || Number(m[2]) >= minor;
  if (!at(5)) return { declines: false, why: '' };
  const valid = at(8) ? ['restricted', 'unrestricted'] : ['undefined', 'restricted', 'unrestricted'];
  if (typeof label === 'string' && valid.includes(label)) return { declines: label === 'restricted', why: 'the app label GPU_SCHEDULING_BEHAVIOR=restricted' };
  return at(8)
    ? { declines: true, why: '--gpu_scheduling_behavior restricted, its default; the app label GPU_SCHEDULING_BEHAVIOR=unrestricted allows them' }
    : { declines: false, why: '' };
}

export interface GpuCheck {
  reason?: string;
  /** Left out because Marathon's features could not be read: a candidate if it runs with gpu_resources. */
  undecided?: true;
}

/**
 * `appRole`: the role offers for the app are allocated to; `accepted`: its accepted resource roles; `features`:
 * Marathon's enabled features, undefined when /v2/info could not be read; `version`: the version it reports.
 */
export function gpuCheck(agent: MesosAgent, spec: GpuSpec, appRole: string, accepted: readonly string[], features: readonly string[] | undefined, version?: string): GpuCheck {
  if (agent.resources === undefined && agent.unreserved_resources === undefined && agent.reserved_resources === undefined) return {};
  const reserved = agent.reserved_resources ?? {};
  const total = agent.resources !== undefined ? gpusOf(agent.resources) : gpusOf(agent.unreserved_resources) + Object.values(reserved).reduce((s, r) => s + gpusOf(r), 0);
  const wanted = typeof spec.gpus === 'number' && spec.gpus > 0 ? spec.gpus : 0;
  if (wanted > 0) {
    const usable = accepted.reduce((s, r) => s + (r === '*' ? gpusOf(agent.unreserved_resources) : gpusOf(reserved[r])), 0);
    return usable > 0 ? {} : { reason: `has no GPUs for the accepted roles ${JSON.stringify(accepted)}, and the app needs ${wanted} (gpus)` };
  }
  if (total === 0) return {};
  const has = `has ${total} GPU${total === 1 ? '' : 's'}`;
  if (features !== undefined && !features.includes('gpu_resources')) {
    return { reason: `${has}: Marathon gets no offers from an agent with GPUs without --enable_features gpu_resources (not among its /v2/info features)` };
  }
  const labels = typeof spec.labels === 'object' && spec.labels !== null ? (spec.labels as Record<string, unknown>) : {};
  const behavior = declinesGpuOffers(version, labels.GPU_SCHEDULING_BEHAVIOR);
  const offered = gpusOf(agent.unreserved_resources) + (appRole === '*' ? 0 : gpusOf(reserved[appRole]));
  if (behavior.declines && offered > 0) {
    return { reason: `${has} in its offers to role ${JSON.stringify(appRole)}: Marathon declines offers with GPUs for an app that needs none (${behavior.why}), and without --enable_features gpu_resources gets no offers from it at all` };
  }
  if (features === undefined) {
    return { undecided: true, reason: `${has}: Marathon gets offers from it only with --enable_features gpu_resources, and its /v2/info features could not be read` };
  }
  return {};
}
