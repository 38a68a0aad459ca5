/* eslint-disable */
// Generated from schema/dvdi-bridge-protocol.schema.json by schema/scripts/generateTypes.ts; do not edit.
// Regenerate: node --import tsx schema/scripts/generateTypes.ts

/**
 * JSON-RPC request id, chosen by the client. The bridge echoes it in the response and in `volume/dryRunProgress` notifications.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "requestId".
 */
export type RequestId = number | string;
/**
 * Methods and notifications the bridge understands.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "methodName".
 */
export type MethodName =
  'bridge/info' | 'volume/dryRunMount' | 'volume/list' | 'volume/dryRunProgress' | '$/cancelRequest';
export type Response =
  | {
      result: unknown;
      [k: string]: unknown;
    }
  | {
      error: unknown;
      [k: string]: unknown;
    };
/**
 * How the bridge mounts: through Mesos's docker/volume isolator path (dvdcli), through mesos-module-dvdi (dvdcli as well), or by speaking the Docker volume plugin protocol directly.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "engineName".
 */
export type EngineName = 'docker-volume' | 'dvdi-module' | 'plugin';
/**
 * Docker volume driver (plugin) name, as in `options["dvdi/driver"]` of a Marathon external volume, e.g. "rexray" or "pxd".
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "driverName".
 */
export type DriverName = string;
/**
 * Volume name as the driver knows it (Marathon's `external.name`).
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "volumeName".
 */
export type VolumeName = string;

/**
 * JSON-RPC 2.0 messages exchanged with the dvdi-bridge agent service over its websocket endpoint /v1. Each entry of `definitions` is meant to be compiled on its own: the envelopes first, then the params of the method named in the envelope, then its result. Request params are closed (unknown keys are rejected, so a typo never silently changes what the bridge mounts); results are open so that newer bridges can add fields without breaking older clients.
 */
export interface DvdiBridgeProtocol {
  [k: string]: unknown;
}
/**
 * A call from client to bridge that expects a response with the same id. The params are validated separately against the definition of the method.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "request".
 */
export interface Request {
  /**
   * Protocol version; always "2.0".
   */
  jsonrpc: '2.0';
  id: RequestId;
  /**
   * Name of the method to call, e.g. "volume/dryRunMount".
   */
  method: string;
  /**
   * Method arguments (by name).
   */
  params?: {
    [k: string]: unknown;
  };
}
/**
 * A message without id that expects no response: `volume/dryRunProgress` (bridge to client) and `$/cancelRequest` (client to bridge).
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "notification".
 */
export interface Notification {
  jsonrpc: '2.0';
  method: string;
  params?: {
    [k: string]: unknown;
  };
}
/**
 * Why a request failed at the protocol level (bad JSON, unknown method, invalid params, not authorised, cancelled). Volume-level problems are not errors: they are verdicts of `volume/dryRunMount`.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "responseError".
 */
export interface ResponseError {
  /**
   * JSON-RPC error code: -32700 parse error, -32600 invalid request, -32601 method not found, -32602 invalid params, -32603 internal error, -32800 request cancelled; other values are bridge-specific.
   */
  code: number;
  /**
   * Human-readable: what is wrong, why, and what to do.
   */
  message: string;
  /**
   * Extra machine-readable detail, e.g. the failing params path.
   */
  data?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface Response1 {
  jsonrpc: '2.0';
  /**
   * The id of the request answered; null when the request could not be read at all.
   */
  id: RequestId | null;
  result?: unknown;
  error?: ResponseError;
  [k: string]: unknown;
}
/**
 * `bridge/info` takes no arguments; an empty object (or no params at all) is expected.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "bridgeInfoParams".
 */
export interface BridgeInfoParams {}
/**
 * Who answers: the agent host, the bridge version, the mount engines available there and the volume drivers discovered.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "bridgeInfoResult".
 */
export interface BridgeInfoResult {
  /**
   * Name of the agent host the bridge runs on.
   */
  agent: string;
  /**
   * Version of the bridge software.
   */
  version: string;
  /**
   * Mount engines usable on this agent.
   *
   * @maxItems 3
   */
  engines: EngineName[];
  /**
   * Volume drivers (plugins) discovered on the agent.
   *
   * @maxItems 1024
   */
  drivers: {
    name: DriverName;
    /**
     * Unix socket path of the plugin, or the URL read from its .spec/.json file.
     */
    address: string;
    /**
     * What the plugin answered to VolumeDriver.Capabilities (e.g. {"Scope": "global"}); empty when it did not answer.
     */
    capabilities: {
      [k: string]: unknown;
    };
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
/**
 * Mount one external volume on the agent exactly as Marathon would ask Mesos to, check it, and release it again. Nothing is created unless `allowCreate` is true and the token's policy allows it.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "dryRunMountParams".
 */
export interface DryRunMountParams {
  driver: DriverName;
  name: VolumeName;
  /**
   * Driver options as Mesos would pass them (the `dvdi/*` options of the Marathon volume with the prefix removed, plus `size`). Keys and values are strings.
   */
  options?: {
    [k: string]: string;
  };
  /**
   * Where the task would see the volume; only used to report what Marathon would do.
   */
  containerPath?: string;
  /**
   * Access mode, as the volume's `mode` in Marathon.
   */
  mode?: 'RW' | 'RO';
  /**
   * How the bridge mounts: through Mesos's docker/volume isolator path (dvdcli), through mesos-module-dvdi (dvdcli as well), or by speaking the Docker volume plugin protocol directly.
   */
  engine?: 'docker-volume' | 'dvdi-module' | 'plugin';
  /**
   * Whether a missing volume may be created (only honoured if the token's policy allows it). When false, a missing volume yields the verdict "would-create".
   */
  allowCreate?: boolean;
}
/**
 * One step of a dry run, in the order it ran.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "dryRunStep".
 */
export interface DryRunStep {
  /**
   * Step name, e.g. "discover", "get", "mount", "probe", "unmount".
   */
  step: string;
  ok: boolean;
  /**
   * Wall-clock duration of the step in milliseconds.
   */
  ms: number;
  /**
   * What happened, in words; the driver's error text when the step failed.
   */
  detail?: string;
  [k: string]: unknown;
}
/**
 * The verdict of a dry run and the steps that led to it.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "dryRunMountResult".
 */
export interface DryRunMountResult {
  /**
   * mounted-and-released: the volume mounted and was released again; would-create: the volume does not exist and would be created by the driver on first mount; in-use: a task (or another mount) holds it; refused: the policy or a safety rule forbade the attempt; failed: the driver could not mount it.
   */
  verdict: 'mounted-and-released' | 'would-create' | 'in-use' | 'refused' | 'failed';
  /**
   * Host path the driver mounted the volume at.
   */
  mountpoint?: string;
  /**
   * @maxItems 256
   */
  steps: DryRunStep[];
  /**
   * Things that did not stop the dry run but would matter to Marathon or Mesos.
   *
   * @maxItems 256
   */
  warnings: string[];
  [k: string]: unknown;
}
/**
 * Sent by the bridge while a `volume/dryRunMount` request runs, once per step start and end.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "dryRunProgressParams".
 */
export interface DryRunProgressParams {
  /**
   * JSON-RPC request id, chosen by the client. The bridge echoes it in the response and in `volume/dryRunProgress` notifications.
   */
  id: number | string;
  step: string;
  status: 'started' | 'ok' | 'failed' | 'skipped';
}
/**
 * Asks the bridge to stop a running request. A cancelled dry run still releases whatever it mounted.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "cancelRequestParams".
 */
export interface CancelRequestParams {
  id: RequestId;
}
/**
 * List the volumes a driver knows on this agent.
 *
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "volumeListParams".
 */
export interface VolumeListParams {
  driver: DriverName;
}
/**
 * This interface was referenced by `DvdiBridgeProtocol`'s JSON-Schema
 * via the `definition` "volumeListResult".
 */
export interface VolumeListResult {
  volumes: {
    name: string;
    mountpoint?: string;
    /**
     * Whether a Mesos isolator checkpoint or a live mount references the volume on this agent.
     */
    inUse: boolean;
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
