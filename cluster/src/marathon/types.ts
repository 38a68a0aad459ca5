// Shapes of Marathon's answers, as far as the clients read them (../shared/reference/marathon-api.md §4, §5, §7,
// marathon-api.md §9). Definitions stay open records: the lint engine checks them, the client only carries them.

/** An app as `GET /v2/apps/{id}` or an embedded group app returns it (definition + optional AppInfo fields). */
export interface AppInfo {
  id: string;
  [field: string]: unknown;
}

export interface DeployedPod {
  id: string;
  [field: string]: unknown;
}

/** GroupInfo (marathon-api.md §5): the four arrays are always present; `version`/`enforceRole` absent only on a synthetic root. */
export interface GroupInfo {
  id: string;
  apps: AppInfo[];
  pods: DeployedPod[];
  groups: GroupInfo[];
  dependencies: string[];
  version?: string;
  enforceRole?: boolean;
}

/** marathon-api.md §7 Task (only the fields the tools read are typed). */
export interface MarathonTask {
  id: string;
  appId: string;
  host: string;
  slaveId?: string;
  state: string;
  ports: number[];
  ipAddresses: { ipAddress: string; protocol: string }[];
  version?: string;
  role?: string;
  [field: string]: unknown;
}

/** marathon-api.md §9 `GET /v2/info`, the fields validation needs; keys missing on older versions stay undefined. */
export interface MarathonInfo {
  name: string;
  version: string;
  buildref?: string;
  elected: boolean;
  leader: string | null;
  frameworkId?: string | null;
  marathon_config: {
    features?: string[];
    mesos_role?: string;
    default_network_name?: string | null;
    new_group_enforce_role?: 'Off' | 'Top' | string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** marathon-api.md §3 deployment result. */
export interface DeploymentResult {
  version: string;
  deploymentId: string;
}

/** One parsed `/v2/events` event (marathon-api.md §10): `eventType` is the SSE `event:` name, `data` the parsed JSON. */
export interface MarathonEvent {
  eventType: string;
  data: Record<string, unknown>;
}
