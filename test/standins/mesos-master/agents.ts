// Part of the Mesos master stand-in: agent objects built from ../shared/reference/mesos-master-api.md §2–§4 (key order as Mesos writes them).
import type { MesosAgent } from '@marathon-devtools/cluster/mesos/agent';
import { MesosRepeatedKeys } from './mesosJson';

export type StandInAgent = MesosAgent & Record<string, unknown>;

export interface AgentSpec {
  id?: string;
  hostname: string;
  /** Attributes as `mesos-agent --attributes` gives them: numbers are scalars, `[..]` ranges, other strings text. */
  attributes?: Record<string, number | string>;
  /** Attributes in order, a name given more than once kept more than once (written as a repeated JSON key); replaces `attributes`. */
  attributeList?: [string, number | string][];
  region?: string;
  zone?: string;
  active?: boolean;
  cpus?: number;
  mem?: number;
  /** Resources reserved for roles: role → cpus. */
  reserved?: Record<string, number>;
  /** Unreserved GPUs (`gpus` of the resource summaries, mesos-master-api.md §2); 0 by default. */
  gpus?: number;
  /** GPUs reserved for roles: role → gpus (that role's reservation gets them beside its cpus). */
  reservedGpus?: Record<string, number>;
}

const summary = (cpus: number, mem: number, disk = 10240, ports?: string, gpus = 0) => ({ cpus, gpus, mem, disk, ...(ports ? { ports } : {}) });

/** Mesos renders ranges as `[b-e, b-e]` sorted by begin (mesos-master-api.md §3). */
function rangesJson(text: string): string {
  const items = text.replace(/[\s[\]]/g, '').split(',').filter(Boolean).map((r) => r.split('-').map(Number)).sort((a, b) => a[0] - b[0]);
  return `[${items.map(([b, e]) => `${b}-${e}`).join(', ')}]`;
}

export function agent(spec: AgentSpec, index = 0): StandInAgent {
  const id = spec.id ?? `b6f2a0e4-7c1e-4c53-9a52-3c7e0f1d2a11-S${index}`;
  const cpus = spec.cpus ?? 4;
  const mem = spec.mem ?? 15038;
  const gpus = spec.gpus ?? 0;
  const reservedGpus = spec.reservedGpus ?? {};
  const roles = [...new Set([...Object.keys(spec.reserved ?? {}), ...Object.keys(reservedGpus)])];
  const reserved = Object.fromEntries(roles.map((role) => [role, summary(spec.reserved?.[role] ?? 0, 1024, 0, undefined, reservedGpus[role] ?? 0)]));
  const reservedCpus = Object.values(spec.reserved ?? {}).reduce((s, c) => s + c, 0);
  const totalGpus = gpus + Object.values(reservedGpus).reduce((s, g) => s + g, 0);
  const pairs = (spec.attributeList ?? Object.entries(spec.attributes ?? {})).map(([k, v]): [string, number | string] => [k, typeof v === 'string' && v.startsWith('[') ? rangesJson(v) : v]);
  // With repeats, a value only the stand-in's JSON writer reads (the type is the parsed shape a client sees).
  const attributes = (spec.attributeList ? new MesosRepeatedKeys(pairs) : Object.fromEntries(pairs)) as Record<string, number | string>;
  return {
    id,
    hostname: spec.hostname,
    port: 5051,
    attributes,
    ...(spec.region !== undefined || spec.zone !== undefined ? { domain: { fault_domain: { region: { name: spec.region ?? '' }, zone: { name: spec.zone ?? '' } } } } : {}),
    pid: `slave(1)@${spec.hostname}:5051`,
    registered_time: 1455643643.42422,
    resources: summary(cpus, mem, 10240, '[31000-32000]', totalGpus),
    used_resources: summary(0, 0, 0),
    offered_resources: summary(0, 0, 0),
    reserved_resources: reserved,
    unreserved_resources: summary(cpus - reservedCpus, mem, 10240, '[31000-32000]', gpus),
    active: spec.active ?? true,
    deactivated: !(spec.active ?? true),
    version: '1.10.0',
    capabilities: ['MULTI_ROLE', 'HIERARCHICAL_ROLE', 'RESERVATION_REFINEMENT', 'RESOURCE_PROVIDER', 'RESIZE_VOLUME', 'AGENT_OPERATION_FEEDBACK', 'AGENT_DRAINING', 'TASK_RESOURCE_LIMITS'],
    reserved_resources_full: {},
    unreserved_resources_full: [],
    used_resources_full: [],
    offered_resources_full: [],
  };
}
