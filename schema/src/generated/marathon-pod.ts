/* eslint-disable */
// Generated from schema/marathon-pod.schema.json by schema/scripts/generate-types.ts; do not edit.
// Regenerate: node --import tsx schema/scripts/generate-types.ts

/**
 * Path of names separated by "/" (absolute, or relative to the enclosing group). Each name uses lower-case letters, digits, "-" and ".", and neither starts nor ends with "-".
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "pathId".
 */
export type PathId = string;
/**
 * Limit above the requested amount, or "unlimited" (Marathon 1.10+).
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "resourceLimit".
 */
export type ResourceLimit = number | 'unlimited';
/**
 * A pod volume: ephemeral (name only), host, persistent or secret.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "podVolume".
 */
export type PodVolume = HostVolume | PersistentVolume | SecretVolume | EphemeralVolume;
/**
 * Networks the task joins: one host network, one container/bridge network, or one or more container networks.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "networks".
 */
export type Networks = Network[];
/**
 * Placement rule `[field, OPERATOR]` or `[field, OPERATOR, value]`. Operators: UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS — written in upper case.
 *
 * @minItems 2
 * @maxItems 3
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "constraint".
 */
export type Constraint = [string, string] | [string, string, string];
/**
 * Placement constraints; duplicates are collapsed.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "constraints".
 */
export type Constraints = Constraint[];
/**
 * Which instances are killed first when scaling down.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "killSelection".
 */
export type KillSelection = ('YOUNGEST_FIRST' | 'OLDEST_FIRST') | string;
/**
 * What Marathon does with instances on unreachable agents: `"disabled"` (wait forever), or replace them after the given times.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "unreachableStrategy".
 */
export type UnreachableStrategy =
  | 'disabled'
  | {
      /**
       * Seconds after which an unreachable instance is replaced.
       */
      inactiveAfterSeconds?: number;
      /**
       * Seconds after which an unreachable instance is forgotten (killed if it comes back).
       */
      expungeAfterSeconds?: number;
      [k: string]: unknown;
    };

/**
 * A Marathon pod definition (POST /v2/pods).
 */
export interface MarathonPod {
  /**
   * Unique identifier of the pod, a path such as "/prod/web".
   */
  id: PathId;
  labels?: Labels;
  /**
   * Read-only; ignored on create.
   */
  version?: string;
  /**
   * OS user the containers run as, unless a container says otherwise.
   */
  user?: string | null;
  /**
   * Environment variables of every container; containers may override them.
   */
  environment?: PodEnvVars;
  /**
   * The containers of the pod (at least one).
   *
   * @minItems 1
   */
  containers: [PodContainer, ...PodContainer[]];
  secrets?: Secrets;
  /**
   * Volumes declared once and mounted by containers through `volumeMounts`.
   */
  volumes?: PodVolume[];
  networks?: Networks;
  /**
   * How many instances of the pod run.
   */
  scaling?: {
    /**
     * Only fixed scaling exists.
     */
    kind?: 'fixed' | string;
    /**
     * Number of pod instances.
     */
    instances?: number;
    /**
     * Upper bound for `instances`.
     */
    maxInstances?: number | null;
    [k: string]: unknown;
  };
  /**
   * Placement, upgrade and failure handling.
   */
  scheduling?: {
    backoff?: {
      /**
       * Seconds before relaunching a failed instance.
       */
      backoff?: number;
      /**
       * Growth factor of the relaunch delay.
       */
      backoffFactor?: number;
      /**
       * Upper bound of the relaunch delay in seconds.
       */
      maxLaunchDelay?: number;
      [k: string]: unknown;
    };
    upgrade?: {
      minimumHealthCapacity?: number;
      /**
       * Must be 0 for pods with persistent volumes.
       */
      maximumOverCapacity?: number;
      [k: string]: unknown;
    };
    placement?: {
      constraints?: Constraints;
      acceptedResourceRoles?: string[];
      [k: string]: unknown;
    };
    killSelection?: KillSelection;
    unreachableStrategy?: UnreachableStrategy;
    [k: string]: unknown;
  };
  /**
   * Resources of the pod executor itself.
   */
  executorResources?: {
    cpus?: number;
    mem?: number;
    disk?: number;
    [k: string]: unknown;
  };
  linuxInfo?: LinuxInfo;
  /**
   * Mesos role (Marathon 1.9+).
   */
  role?: string;
  /**
   * Share one cgroup between the containers (not with `resourceLimits`).
   */
  legacySharedCgroups?: boolean;
  [k: string]: unknown;
}
/**
 * Metadata as string keys and string values; other tools (load balancers, DC/OS) read them. Values must be strings.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "labels".
 */
export interface Labels {
  [k: string]: string;
}
/**
 * Environment variables: a string value, or `{"secret": "<name>"}` naming an entry of `secrets`.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "podEnvVars".
 */
export interface PodEnvVars {
  [k: string]:
    | string
    | {
        secret: string;
        [k: string]: unknown;
      };
}
/**
 * One container of the pod.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "podContainer".
 */
export interface PodContainer {
  /**
   * Name of the container, unique in the pod: lower-case letters, digits and "-", 1 to 63 characters.
   */
  name: string;
  exec?: {
    /**
     * Either `{"shell": "…"}` (run by /bin/sh) or `{"argv": [...]}`.
     */
    command:
      | {
          shell: string;
          [k: string]: unknown;
        }
      | {
          /**
           * @minItems 1
           */
          argv: [string, ...string[]];
          [k: string]: unknown;
        };
    /**
     * Replace the image's entrypoint by the command.
     */
    overrideEntrypoint?: boolean;
    [k: string]: unknown;
  };
  /**
   * Resources reserved for the container (required, may be `{}`).
   */
  resources: {
    cpus?: number;
    /**
     * MiB.
     */
    mem?: number;
    /**
     * MiB.
     */
    disk?: number;
    gpus?: number;
    [k: string]: unknown;
  };
  resourceLimits?: ResourceLimits;
  /**
   * Ports of the container.
   */
  endpoints?: {
    /**
     * Endpoint name, unique across the pod.
     */
    name: string;
    /**
     * Port inside the container; required on container networks, not allowed on host networking.
     */
    containerPort?: number | null;
    /**
     * Port on the agent; 0 picks a free one.
     */
    hostPort?: number;
    /**
     * Protocols served on the port: transport ("tcp", "udp") or application names such as "http" that other tools read.
     */
    protocol?: string[];
    labels?: Labels;
    networkNames?: string[];
    [k: string]: unknown;
  }[];
  /**
   * File system image of the container; none runs on the agent's file system.
   */
  image?: {
    /**
     * Image format.
     */
    kind: ('DOCKER' | 'APPC') | string;
    /**
     * Image name.
     */
    id: string;
    forcePull?: boolean;
    labels?: Labels;
    pullConfig?: {
      secret: string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  } | null;
  environment?: PodEnvVars;
  user?: string | null;
  healthCheck?: PodHealthCheck | null;
  /**
   * A Mesos check (Marathon 1.8+).
   */
  check?: {
    [k: string]: unknown;
  };
  volumeMounts?: {
    /**
     * Name of a pod volume.
     */
    name: string;
    /**
     * Path inside the container.
     */
    mountPath: string;
    readOnly?: boolean;
    [k: string]: unknown;
  }[];
  artifacts?: FetchArtifact[];
  labels?: Labels;
  lifecycle?: {
    /**
     * Seconds between SIGTERM and SIGKILL.
     */
    killGracePeriodSeconds?: number;
    [k: string]: unknown;
  } | null;
  tty?: boolean;
  linuxInfo?: LinuxInfo;
  [k: string]: unknown;
}
/**
 * Resource limits above the reserved amounts (Marathon 1.10+).
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "resourceLimits".
 */
export interface ResourceLimits {
  /**
   * CPU limit: at least `cpus`, or "unlimited".
   */
  cpus?: ResourceLimit;
  /**
   * Memory limit in MiB: at least `mem`, or "unlimited".
   */
  mem?: ResourceLimit;
  [k: string]: unknown;
}
/**
 * Exactly one of http, tcp or exec.
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "podHealthCheck".
 */
export interface PodHealthCheck {
  http?: {
    /**
     * Name of an endpoint of this container.
     */
    endpoint: string;
    path?: string;
    scheme?: ('HTTP' | 'HTTPS') | string;
    [k: string]: unknown;
  };
  tcp?: {
    endpoint: string;
    [k: string]: unknown;
  };
  exec?: {
    command:
      | {
          shell: string;
          [k: string]: unknown;
        }
      | {
          argv: string[];
          [k: string]: unknown;
        };
    [k: string]: unknown;
  };
  gracePeriodSeconds?: number;
  intervalSeconds?: number;
  maxConsecutiveFailures?: number;
  /**
   * Less than `intervalSeconds`.
   */
  timeoutSeconds?: number;
  delaySeconds?: number;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "fetchArtifact".
 */
export interface FetchArtifact {
  /**
   * URI the Mesos fetcher downloads into the sandbox.
   */
  uri: string;
  /**
   * Extract archives (.tgz, .zip, …) after download.
   */
  extract?: boolean;
  /**
   * Make the downloaded file executable.
   */
  executable?: boolean;
  /**
   * Let the Mesos fetcher cache the download.
   */
  cache?: boolean;
  /**
   * File name in the sandbox to download to.
   */
  destPath?: string;
  [k: string]: unknown;
}
/**
 * Linux-specific settings of the Mesos containerizer (Marathon 1.8+).
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "linuxInfo".
 */
export interface LinuxInfo {
  seccomp?: {
    /**
     * Seccomp profile known to the agent.
     */
    profileName?: string;
    /**
     * Run without seccomp filtering; must be true exactly when no profile is named.
     */
    unconfined?: boolean;
    [k: string]: unknown;
  };
  ipcInfo?: {
    /**
     * Private IPC namespace, or share the parent's.
     */
    mode: ('PRIVATE' | 'SHARE_PARENT') | string;
    /**
     * Size of /dev/shm in MiB (PRIVATE mode only).
     */
    shmSize?: number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * Secrets the task may use, by name; each names its source in the secret store. Needs the `secrets` feature (DC/OS Enterprise).
 *
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "secrets".
 */
export interface Secrets {
  [k: string]: {
    /**
     * Path of the secret in the secret store.
     */
    source: string;
    [k: string]: unknown;
  };
}
export interface HostVolume {
  /**
   * Volume name.
   */
  name: string;
  /**
   * Path on the agent.
   */
  host: string;
  [k: string]: unknown;
}
export interface PersistentVolume {
  /**
   * Volume name.
   */
  name: string;
  persistent: {
    type?: ('root' | 'path' | 'mount') | string;
    /**
     * MiB.
     */
    size: number;
    maxSize?: number;
    profileName?: string;
    constraints?: string[][];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface SecretVolume {
  /**
   * Volume name.
   */
  name: string;
  secret: string;
  [k: string]: unknown;
}
export interface EphemeralVolume {
  /**
   * Volume name.
   */
  name: string;
  external?: never;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `MarathonPod`'s JSON-Schema
 * via the `definition` "network".
 */
export interface Network {
  /**
   * host: share the agent's network; container/bridge: a bridged network with port mappings; container: a named virtual network (CNI).
   */
  mode?: ('container' | 'container/bridge' | 'host') | string;
  /**
   * Name of the virtual network (container mode only). Defaults to Marathon's `--default_network_name`.
   */
  name?: string | null;
  /**
   * Labels passed to the network (container mode only).
   */
  labels?: Labels;
  [k: string]: unknown;
}
