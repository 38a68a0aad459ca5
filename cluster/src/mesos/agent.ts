/**
 * The agent object of the Mesos master's `GET /master/slaves` (../shared/reference/mesos-master-api.md §2–§4):
 * only the keys tools read. Attribute values are as Mesos writes them: a JSON number for scalars, a string for
 * text, ranges (`"[1000-1500, 2000-2100]"`) and sets (`"{a, b}"`).
 */
export type AttributeJson = number | string;

/** A resource summary: `cpus`, `gpus`, `mem`, `disk` always, other scalars by name, ranges/sets as strings. */
export type ResourceSummary = Record<string, number | string>;

export interface FaultDomain {
  fault_domain: { region: { name: string }; zone: { name: string } };
}

export interface MesosAgent {
  id: string;
  hostname: string;
  port?: number;
  attributes: Record<string, AttributeJson>;
  /** Absent when the agent has no fault domain. */
  domain?: FaultDomain;
  pid?: string;
  /** False while disconnected, deactivated or draining. `recovered_slaves` entries have no `active`. */
  active?: boolean;
  deactivated?: boolean;
  version?: string;
  resources?: ResourceSummary;
  unreserved_resources?: ResourceSummary;
  reserved_resources?: Record<string, ResourceSummary>;
  used_resources?: ResourceSummary;
}

export interface SlavesResponse {
  slaves: MesosAgent[];
  recovered_slaves: MesosAgent[];
}

export const agentRegion = (a: MesosAgent): string | undefined => a.domain?.fault_domain?.region?.name;
export const agentZone = (a: MesosAgent): string | undefined => a.domain?.fault_domain?.zone?.name;
