/* eslint-disable */
// Generated from schema/source/ (the definitions behind the four document schemas) by schema/scripts/generate-types.ts; do not edit.
// Regenerate: node --import tsx schema/scripts/generate-types.ts

/**
 * Any document marathon-lint reads: a Marathon app, group or pod, or a Chronos job.
 */
export type MarathonDocument = MarathonApp | MarathonGroup | MarathonPod | ChronosJob;
/**
 * Path of names separated by "/" (absolute, or relative to the enclosing group). Each name uses lower-case letters, digits, "-" and ".", and neither starts nor ends with "-".
 */
export type PathId = string;
/**
 * Placement rule `[field, OPERATOR]` or `[field, OPERATOR, value]`. Operators: UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS — written in upper case.
 *
 * @minItems 2
 * @maxItems 3
 */
export type Constraint = [string, string] | [string, string, string];
/**
 * Placement constraints; duplicates are collapsed.
 */
export type Constraints = Constraint[];
/**
 * Transport protocol of the port.
 */
export type NetworkProtocol = ('tcp' | 'udp' | 'udp,tcp') | string;
/**
 * Port name: lower-case letters, digits and "-", not starting or ending with "-".
 */
export type PortName = string;
/**
 * A volume of the container. Marathon tries the forms persistent, external, secret, host in that order and takes the first that fits; when none fits it reports only the host form's error (e.g. "'hostPath' is undefined").
 */
export type AppVolume = PersistentLocalVolume | ExternalVolume | SecretVolume | HostVolume;
/**
 * RW: read and write; RO: read only.
 */
export type ReadMode = ('RW' | 'RO') | string;
/**
 * Networks the task joins: one host network, one container/bridge network, or one or more container networks.
 */
export type Networks = Network[];
/**
 * What Marathon does with instances on unreachable agents: `"disabled"` (wait forever), or replace them after the given times.
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
 * Which instances are killed first when scaling down.
 */
export type KillSelection = ('YOUNGEST_FIRST' | 'OLDEST_FIRST') | string;
/**
 * Limit above the requested amount, or "unlimited" (Marathon 1.10+).
 */
export type ResourceLimit = number | 'unlimited';
/**
 * A pod volume: ephemeral (name only), host, persistent or secret.
 */
export type PodVolume = HostVolume1 | PersistentVolume | SecretVolume1 | EphemeralVolume;

/**
 * A Marathon application definition (POST /v2/apps).
 */
export interface MarathonApp {
  /**
   * Unique identifier of the app: a path such as "/prod/web"; relative ids are resolved against the enclosing group.
   */
  id: PathId;
  /**
   * Command run with `/bin/sh -c`. Give `cmd` or `args`, not both.
   */
  cmd?: string | null;
  /**
   * Command as an argument vector (no shell); with Docker, arguments to the image's entrypoint.
   */
  args?: string[] | null;
  /**
   * OS user the task runs as on the agent.
   */
  user?: string | null;
  env?: EnvVars | null;
  /**
   * Number of instances to run.
   */
  instances?: number;
  /**
   * CPU shares per instance; fractions allowed.
   */
  cpus?: number;
  /**
   * Memory per instance in MiB.
   */
  mem?: number;
  /**
   * Scratch disk per instance in MiB.
   */
  disk?: number;
  /**
   * GPUs per instance (Mesos containerizer, `gpu_resources` feature).
   */
  gpus?: number;
  /**
   * Custom executor path; empty or "//cmd" uses the Mesos command executor.
   */
  executor?: string;
  constraints?: Constraints;
  /**
   * Only offers of these roles are used ("*" = unreserved).
   */
  acceptedResourceRoles?: string[];
  labels?: Labels;
  /**
   * Deprecated: use `fetch`. URIs downloaded into the sandbox.
   */
  uris?: string[];
  /**
   * Artifacts the Mesos fetcher downloads into the sandbox before the task starts.
   */
  fetch?: FetchArtifact[];
  /**
   * Apps or groups that are deployed before this one.
   */
  dependencies?: PathId[];
  /**
   * Health checks; failing ones get the task killed and replaced.
   */
  healthChecks?: AppHealthCheck[];
  check?: AppCheck;
  /**
   * At most one readiness check.
   */
  readinessChecks?: ReadinessCheck[];
  /**
   * Delay before relaunching a failed task; multiplied by `backoffFactor` per failure.
   */
  backoffSeconds?: number;
  /**
   * Growth factor of the relaunch delay.
   */
  backoffFactor?: number;
  /**
   * Upper bound of the relaunch delay (3600 before Marathon 1.8).
   */
  maxLaunchDelaySeconds?: number;
  /**
   * Seconds between SIGTERM and SIGKILL when a task is stopped.
   */
  taskKillGracePeriodSeconds?: number;
  container?: Container;
  /**
   * Ports of the agent the task needs, on host networking (dropped on other networks).
   */
  portDefinitions?: {
    /**
     * Service port; 0 lets Marathon assign one. With `requirePorts`, the host port.
     */
    port?: number;
    protocol?: NetworkProtocol;
    name?: PortName;
    labels?: Labels;
    [k: string]: unknown;
  }[];
  /**
   * Deprecated: use `portDefinitions`.
   */
  ports?: number[];
  /**
   * Use the given ports as host ports instead of picking free ones (host networking).
   */
  requirePorts?: boolean;
  networks?: Networks;
  /**
   * Deprecated: use `networks`. IP-per-task settings.
   */
  ipAddress?: {
    networkName?: string;
    labels?: Labels;
    groups?: string[];
    discovery?: {
      ports?: {
        number: number;
        name: PortName;
        protocol?: ('tcp' | 'udp') | string;
        labels?: Labels;
        [k: string]: unknown;
      }[];
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  /**
   * How instances are replaced on upgrade. Default {1, 1}; {0.5, 0} for apps with persistent or external volumes.
   */
  upgradeStrategy?: {
    /**
     * Fraction of instances that must stay healthy during an upgrade.
     */
    minimumHealthCapacity: number;
    /**
     * Fraction of extra instances that may run during an upgrade; 0 for apps with persistent or external volumes.
     */
    maximumOverCapacity: number;
    [k: string]: unknown;
  };
  unreachableStrategy?: UnreachableStrategy;
  killSelection?: KillSelection;
  /**
   * Deprecated, no effect since Marathon 1.6.
   */
  residency?: {
    relaunchEscalationTimeoutSeconds?: number;
    taskLostBehavior?: ('WAIT_FOREVER' | 'RELAUNCH_AFTER_TIMEOUT') | string;
    [k: string]: unknown;
  };
  secrets?: Secrets;
  /**
   * Attach a terminal to the task.
   */
  tty?: boolean;
  /**
   * Mesos role the app's resources are reserved for (Marathon 1.9+).
   */
  role?: string;
  /**
   * Resources of the executor itself (Marathon 1.8+).
   */
  executorResources?: {
    cpus?: number;
    mem?: number;
    disk?: number;
    [k: string]: unknown;
  };
  resourceLimits?: ResourceLimits;
  /**
   * Read-only; ignored on create.
   */
  version?: string;
  versionInfo?: VersionInfo;
  [k: string]: unknown;
}
/**
 * Environment variables of the task: a string value, or `{"secret": "<name>"}` to inject a secret declared in `secrets`.
 */
export interface EnvVars {
  [k: string]:
    | string
    | {
        /**
         * Name of an entry of `secrets`.
         */
        secret: string;
        [k: string]: unknown;
      };
}
/**
 * Metadata as string keys and string values; other tools (load balancers, DC/OS) read them. Values must be strings.
 */
export interface Labels {
  [k: string]: string;
}
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
export interface AppHealthCheck {
  /**
   * HTTP/HTTPS/TCP are run by Marathon; MESOS_* and COMMAND by the agent. A check with `command` must say COMMAND.
   */
  protocol?: ('HTTP' | 'HTTPS' | 'TCP' | 'COMMAND' | 'MESOS_HTTP' | 'MESOS_HTTPS' | 'MESOS_TCP') | string;
  /**
   * Command to run for COMMAND checks.
   */
  command?: CheckCommand;
  /**
   * HTTP path to request.
   */
  path?: string;
  /**
   * Port to probe; use instead of `portIndex`.
   */
  port?: number;
  /**
   * Index into the app's port definitions or port mappings.
   */
  portIndex?: number;
  /**
   * Failures are ignored for this long after the task starts, or until it is first healthy.
   */
  gracePeriodSeconds?: number;
  /**
   * Seconds between checks.
   */
  intervalSeconds?: number;
  /**
   * Seconds after which a check counts as failed.
   */
  timeoutSeconds?: number;
  /**
   * Failures in a row after which the task is killed; 0 never kills.
   */
  maxConsecutiveFailures?: number;
  /**
   * Seconds before the first check (Mesos checks).
   */
  delaySeconds?: number;
  /**
   * Treat 1xx answers as neither healthy nor unhealthy.
   */
  ignoreHttp1xx?: boolean;
  /**
   * IP version for MESOS_* checks of Docker containers.
   */
  ipProtocol?: ('IPv4' | 'IPv6') | string;
  [k: string]: unknown;
}
export interface CheckCommand {
  /**
   * Shell command; exit code 0 means healthy.
   */
  value: string;
  [k: string]: unknown;
}
/**
 * A Mesos check (Marathon 1.8+): reports status without killing the task. Not with Docker containers.
 */
export interface AppCheck {
  http?: {
    portIndex?: number;
    path?: string;
    scheme?: 'HTTP' | string;
    [k: string]: unknown;
  };
  tcp?: {
    portIndex?: number;
    [k: string]: unknown;
  };
  exec?: {
    command: CheckCommand;
    [k: string]: unknown;
  };
  intervalSeconds?: number;
  timeoutSeconds?: number;
  delaySeconds?: number;
  [k: string]: unknown;
}
/**
 * Checked during deployments before an instance counts as ready.
 */
export interface ReadinessCheck {
  /**
   * Name of the check.
   */
  name?: string;
  protocol?: ('HTTP' | 'HTTPS') | string;
  /**
   * HTTP path to request.
   */
  path?: string;
  /**
   * Name of the port definition or port mapping to probe.
   */
  portName?: string;
  /**
   * Seconds between checks.
   */
  intervalSeconds?: number;
  /**
   * Seconds after which a check fails; less than `intervalSeconds`.
   */
  timeoutSeconds?: number;
  /**
   * HTTP status codes that mean ready.
   *
   * @minItems 1
   */
  httpStatusCodesForReady?: [number, ...number[]];
  /**
   * Keep the last response for the deployment API.
   */
  preserveLastResponse?: boolean;
  [k: string]: unknown;
}
/**
 * How the task is containerized.
 */
export interface Container {
  /**
   * Containerizer: DOCKER (the Docker daemon; the default, needs `docker`) or MESOS (Mesos's own, can still run Docker images).
   */
  type?: ('DOCKER' | 'MESOS') | string;
  docker?: DockerContainer;
  /**
   * Volumes mounted into the container.
   */
  volumes?: AppVolume[];
  /**
   * Port mappings on bridge or container networks.
   */
  portMappings?: PortMapping[];
  linuxInfo?: LinuxInfo;
  [k: string]: unknown;
}
/**
 * Docker image settings.
 */
export interface DockerContainer {
  /**
   * Docker image to run.
   */
  image: string;
  /**
   * Deprecated: use `networks`.
   */
  network?: ('BRIDGE' | 'HOST' | 'NONE' | 'USER') | string;
  /**
   * Deprecated: use `container.portMappings`.
   */
  portMappings?: PortMapping[];
  /**
   * Run privileged (Docker containerizer only).
   */
  privileged?: boolean;
  /**
   * Extra `docker run` options (Docker containerizer only).
   */
  parameters?: {
    key: string;
    value: string;
    [k: string]: unknown;
  }[];
  /**
   * Pull the image even if the agent has it.
   */
  forcePullImage?: boolean;
  /**
   * Removed in Marathon 1.5: use `pullConfig`.
   */
  credential?: {
    principal: string;
    secret?: string;
    [k: string]: unknown;
  };
  /**
   * Registry credentials for the Mesos containerizer.
   */
  pullConfig?: {
    /**
     * Name of an entry of `secrets` holding a Docker config.json.
     */
    secret: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PortMapping {
  /**
   * Port the application listens on inside the container; 0 means the same as the host port.
   */
  containerPort?: number;
  /**
   * Port on the agent; 0 picks a free one. Omit on container networks to allocate none.
   */
  hostPort?: number;
  /**
   * Well-known port for service discovery; 0 lets Marathon assign one.
   */
  servicePort?: number;
  protocol?: NetworkProtocol;
  name?: PortName;
  labels?: Labels;
  /**
   * Container networks this mapping applies to.
   */
  networkNames?: string[];
  [k: string]: unknown;
}
/**
 * Reserves disk on the agent and pins the task to it (a resident app).
 */
export interface PersistentLocalVolume {
  /**
   * Name of the volume directory in the sandbox: a single relative path segment (no "/"), not "." or "..".
   */
  containerPath: string;
  persistent: {
    /**
     * Size in MiB; must be more than 0.
     */
    size: number;
    /**
     * Kind of Mesos disk resource: root (the agent's work disk), path or mount.
     */
    type?: ('root' | 'path' | 'mount') | string;
    /**
     * Largest mount disk to accept (type mount only); more than `size`.
     */
    maxSize?: number;
    /**
     * Disk profile to use (Marathon 1.8+); implies type mount when `type` is absent (1.9+).
     */
    profileName?: string;
    /**
     * Where to create the volume; only `["path", "LIKE"|"UNLIKE", "<regex>"]` on path and mount disks.
     */
    constraints?: [string, string] | [string, string, string][];
    [k: string]: unknown;
  };
  /**
   * Must be RW for persistent volumes.
   */
  mode: ReadMode;
  [k: string]: unknown;
}
/**
 * A volume of a storage driver (REX-Ray, Portworx, …) mounted through DVDI. Needs the `external_volumes` feature; the app may then have at most one instance.
 */
export interface ExternalVolume {
  /**
   * Where the volume appears inside the container.
   */
  containerPath: string;
  external: ExternalVolumeInfo;
  /**
   * Must be RW with the Mesos containerizer.
   */
  mode: ReadMode;
  [k: string]: unknown;
}
/**
 * The external volume: who provides it and how.
 */
export interface ExternalVolumeInfo {
  /**
   * Volume name as the driver knows it; unique in the cluster unless shared.
   */
  name?: string;
  /**
   * External volume provider; only "dvdi" exists in Marathon 1.1–1.10.
   */
  provider?: string;
  /**
   * Size in GiB to create the volume with; more than 0 when given, and not allowed with Docker containers.
   */
  size?: number;
  /**
   * Several apps may use this volume name (Marathon 1.8.222+). A boolean, not the string "true".
   */
  shared?: boolean;
  /**
   * Provider options as `<prefix>/<name>` keys with string values. With Docker containers only `dvdi/driver` is allowed.
   */
  options?: {
    /**
     * Docker volume driver that serves the volume (required).
     */
    'dvdi/driver'?: string;
    /**
     * REX-Ray: storage type, lower-case (e.g. "gp2", "io1").
     */
    'dvdi/volumetype'?: string;
    /**
     * REX-Ray: file system created on a new volume (e.g. "xfs", "ext4").
     */
    'dvdi/newfstype'?: string;
    /**
     * REX-Ray: provisioned IOPS, a positive integer written as a string.
     */
    'dvdi/iops'?: string;
    /**
     * REX-Ray: format the volume when it is created, erasing any data on it. Marathon accepts only "true" here, and a dry run refuses it; leave it out unless the data may be lost.
     */
    'dvdi/overwritefs'?: string;
    /**
     * Driver-side size option; `external.size` overrides it.
     */
    'dvdi/size'?: string;
    [k: string]: string | undefined;
  };
  [k: string]: unknown;
}
/**
 * Exposes a secret as a file (Marathon 1.5+, `secrets` feature).
 */
export interface SecretVolume {
  /**
   * Where the volume appears inside the container.
   */
  containerPath: string;
  /**
   * Name of an entry of `secrets` whose value becomes the file.
   */
  secret: string;
  [k: string]: unknown;
}
/**
 * Mounts a path of the agent (or of the sandbox) into the container.
 */
export interface HostVolume {
  /**
   * Where the volume appears inside the container.
   */
  containerPath: string;
  /**
   * Path on the agent to mount; a relative path is a directory of the task sandbox (or a persistent volume of the same app).
   */
  hostPath: string;
  mode: ReadMode;
  [k: string]: unknown;
}
/**
 * Linux-specific settings of the Mesos containerizer (Marathon 1.8+).
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
/**
 * Secrets the task may use, by name; each names its source in the secret store. Needs the `secrets` feature (DC/OS Enterprise).
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
/**
 * Resource limits above the reserved amounts (Marathon 1.10+).
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
 * Read-only bookkeeping echoed by the API; ignored on create.
 */
export interface VersionInfo {
  lastScalingAt?: string;
  lastConfigChangeAt?: string;
  [k: string]: unknown;
}
/**
 * A Marathon group definition (POST /v2/groups). Pods inside a group body are ignored by Marathon 1.10.
 */
export interface MarathonGroup {
  /**
   * Identifier of the group; apps and groups inside it are resolved against it.
   */
  id?: PathId;
  /**
   * Apps directly inside this group.
   */
  apps?: MarathonApp[];
  /**
   * Nested groups; each needs an `id`.
   */
  groups?: ChildGroup[];
  /**
   * Apps or groups deployed before this group.
   */
  dependencies?: PathId[];
  /**
   * Apps in this top-level group must use the group's role (Marathon 1.9+).
   */
  enforceRole?: boolean;
  /**
   * Scale every app of the group by this factor (instead of a definition change).
   */
  scaleBy?: number;
  /**
   * Read-only; ignored on create.
   */
  version?: string;
  [k: string]: unknown;
}
/**
 * A group nested in another group.
 */
export interface ChildGroup {
  /**
   * Identifier of the group; apps and groups inside it are resolved against it.
   */
  id: PathId;
  /**
   * Apps directly inside this group.
   */
  apps?: MarathonApp[];
  /**
   * Nested groups; each needs an `id`.
   */
  groups?: ChildGroup[];
  /**
   * Apps or groups deployed before this group.
   */
  dependencies?: PathId[];
  /**
   * Apps in this top-level group must use the group's role (Marathon 1.9+).
   */
  enforceRole?: boolean;
  /**
   * Scale every app of the group by this factor (instead of a definition change).
   */
  scaleBy?: number;
  /**
   * Read-only; ignored on create.
   */
  version?: string;
  [k: string]: unknown;
}
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
 * Environment variables: a string value, or `{"secret": "<name>"}` naming an entry of `secrets`.
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
 * Exactly one of http, tcp or exec.
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
export interface HostVolume1 {
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
export interface SecretVolume1 {
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
 * A Chronos job (POST /v1/scheduler/iso8601 or /v1/scheduler/dependency).
 */
export interface ChronosJob {
  /**
   * Job name: letters, digits, "_", "." and "-" only.
   */
  name: string;
  /**
   * Command to run (with /bin/sh -c when `shell` is true).
   */
  command?: string;
  /**
   * Run `command` through a shell; when false, `command` is the executable and `arguments` its arguments.
   */
  shell?: boolean | string;
  /**
   * Arguments when `shell` is false.
   */
  arguments?: string[];
  /**
   * ISO 8601 repeating interval `R[n]/[start]/P<period>`; an empty start means now.
   */
  schedule?: string;
  /**
   * Time zone name applied to the schedule's start.
   */
  scheduleTimeZone?: string;
  /**
   * Names of jobs that must succeed before this one runs; makes the job dependent (schedule is then ignored).
   *
   * @minItems 1
   */
  parents?: [string, ...string[]];
  /**
   * Chronos 2.x only: how late a run may start (ISO 8601 duration).
   */
  epsilon?: string;
  /**
   * Chronos 2.x only.
   */
  async?: boolean | string;
  /**
   * Retries after a failure.
   */
  retries?: number | string;
  /**
   * E-mail addresses notified on failure, comma-separated.
   */
  owner?: string;
  /**
   * Owner's name.
   */
  ownerName?: string;
  /**
   * What the job does.
   */
  description?: string;
  /**
   * CPU shares; 0 or absent uses Chronos's default (0.1).
   */
  cpus?: number | string;
  /**
   * Memory in MB; 0 or absent uses Chronos's default (128).
   */
  mem?: number | string;
  /**
   * Disk in MB; 0 or absent uses Chronos's default (256).
   */
  disk?: number | string;
  /**
   * Seconds after which a run is failed; 0 means no limit.
   */
  maxCompletionTime?: number | string;
  disabled?: boolean | string;
  /**
   * Allow runs to overlap.
   */
  concurrent?: boolean | string;
  /**
   * Failures do not disable the job.
   */
  softError?: boolean | string;
  highPriority?: boolean | string;
  dataProcessingJobType?: boolean | string;
  /**
   * OS user of the task.
   */
  runAsUser?: string;
  /**
   * Custom executor.
   */
  executor?: string;
  /**
   * Flags of the custom executor.
   */
  executorFlags?: string;
  /**
   * Opaque data passed to the executor.
   */
  taskInfoData?: string;
  /**
   * Deprecated: use `fetch` (not both).
   */
  uris?: string[];
  fetch?: {
    /**
     * URI to download into the sandbox.
     */
    uri: string;
    /**
     * File name to save as.
     */
    output_file?: string;
    executable?: boolean | string;
    cache?: boolean | string;
    extract?: boolean | string;
    [k: string]: unknown;
  }[];
  /**
   * Environment variables as a list of `{name, value}` (unlike Marathon's map).
   */
  environmentVariables?: {
    name: string;
    value: string;
    [k: string]: unknown;
  }[];
  /**
   * Placement: `[attribute, OPERATOR, value]`; only EQUALS, LIKE and UNLIKE are understood.
   */
  constraints?: [string, string, string, ...string[]][];
  /**
   * Container to run the job in (Chronos 3.0.2+ for MESOS and external volumes).
   */
  container?: {
    type?: ('DOCKER' | 'MESOS') | string;
    /**
     * Image to run; without it the container block is ignored.
     */
    image?: string;
    forcePullImage?: boolean | string;
    /**
     * Docker network mode; upper case only (Chronos compares it exactly).
     */
    network?: 'BRIDGE' | 'HOST' | 'USER';
    /**
     * Deprecated: use `networkInfos`.
     */
    networkName?: string;
    networkInfos?: {
      name?: string;
      protocol?: 'IPv4' | 'IPv6';
      labels?: {
        key: string;
        value?: string;
        [k: string]: unknown;
      }[];
      portMappings?: {
        hostPort?: number;
        containerPort?: number;
        protocol?: string;
        [k: string]: unknown;
      }[];
      [k: string]: unknown;
    }[];
    /**
     * Extra `docker run` options.
     */
    parameters?: {
      key: string;
      value?: string;
      [k: string]: unknown;
    }[];
    volumes?: {
      /**
       * Path inside the container.
       */
      containerPath: string;
      /**
       * Path on the agent.
       */
      hostPath?: string;
      mode?: ('RW' | 'RO') | string;
      external?: {
        /**
         * Volume name as the driver knows it.
         */
        name: string;
        /**
         * Docker volume driver name (e.g. "rexray", "local-persist") — unlike Marathon, not "dvdi".
         */
        provider: string;
        /**
         * Driver options as a list of `{key, value}` (Marathon uses a map).
         */
        options?: {
          key: string;
          value: string;
          [k: string]: unknown;
        }[];
        [k: string]: unknown;
      };
      [k: string]: unknown;
    }[];
    [k: string]: unknown;
  };
  successCount?: number | string;
  errorCount?: number | string;
  lastSuccess?: string;
  lastError?: string;
  errorsSinceLastSuccess?: number | string;
  [k: string]: unknown;
}
