/* eslint-disable */
// Generated from schema/source/ (the definitions behind the document schemas) by schema/scripts/generateTypes.ts; do not edit.
// Regenerate: node --import tsx schema/scripts/generateTypes.ts

/**
 * Any document marathon-lint reads: a Marathon app, app batch, group or pod, or a Chronos job.
 */
export type MarathonDocument = MarathonApp | MarathonAppBatch | MarathonGroup | MarathonPod | ChronosJob;
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
  | ('disabled' | string)
  | {
      /**
       * Seconds after which an unreachable instance is replaced.
       */
      inactiveAfterSeconds?: number | null;
      /**
       * Seconds after which an unreachable instance is forgotten (killed if it comes back).
       */
      expungeAfterSeconds?: number | null;
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
 * An ISO-8601 date and time with an offset, e.g. "2021-01-01T00:00:00.000Z".
 */
export type Datetime = string;
/**
 * Several apps in one request (PUT /v2/apps, PATCH /v2/apps): each element is an app with its "id". With partialUpdate=true (the default) an element updates the deployed app of that id, so it may give only the fields it changes.
 */
export type MarathonAppBatch = MarathonApp[];
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
  instances?: number | null;
  /**
   * CPU shares per instance; fractions allowed.
   */
  cpus?: number | null;
  /**
   * Memory per instance in MiB.
   */
  mem?: number | null;
  /**
   * Scratch disk per instance in MiB.
   */
  disk?: number | null;
  /**
   * GPUs per instance (Mesos containerizer, `gpu_resources` feature).
   */
  gpus?: number | null;
  /**
   * Custom executor path; empty or "//cmd" uses the Mesos command executor.
   */
  executor?: string | null;
  constraints?: Constraints | null;
  /**
   * Only offers of these roles are used ("*" = unreserved).
   */
  acceptedResourceRoles?: string[] | null;
  labels?: Labels | null;
  /**
   * Deprecated: use `fetch`. URIs downloaded into the sandbox.
   */
  uris?: string[] | null;
  /**
   * Artifacts the Mesos fetcher downloads into the sandbox before the task starts.
   */
  fetch?: FetchArtifact[] | null;
  /**
   * Apps or groups that are deployed before this one.
   */
  dependencies?: PathId[] | null;
  /**
   * Health checks; failing ones get the task killed and replaced.
   */
  healthChecks?: AppHealthCheck[] | null;
  check?: AppCheck | null;
  /**
   * At most one readiness check.
   */
  readinessChecks?: ReadinessCheck[] | null;
  /**
   * Delay before relaunching a failed task; multiplied by `backoffFactor` per failure.
   */
  backoffSeconds?: number | null;
  /**
   * Growth factor of the relaunch delay.
   */
  backoffFactor?: number | null;
  /**
   * Upper bound of the relaunch delay (3600 before Marathon 1.8).
   */
  maxLaunchDelaySeconds?: number | null;
  /**
   * Seconds between SIGTERM and SIGKILL when a task is stopped.
   */
  taskKillGracePeriodSeconds?: number | null;
  container?: Container | null;
  /**
   * Ports of the agent the task needs, on host networking (dropped on other networks).
   */
  portDefinitions?:
    | {
        /**
         * Service port; 0 lets Marathon assign one. With `requirePorts`, the host port.
         */
        port?: number | null;
        protocol?: NetworkProtocol | null;
        name?: PortName | null;
        labels?: Labels | null;
        [k: string]: unknown;
      }[]
    | null;
  /**
   * Deprecated: use `portDefinitions`.
   */
  ports?: number[] | null;
  /**
   * Use the given ports as host ports instead of picking free ones (host networking).
   */
  requirePorts?: boolean | null;
  networks?: Networks | null;
  /**
   * Deprecated: use `networks`. IP-per-task settings.
   */
  ipAddress?: {
    networkName?: string | null;
    labels?: Labels | null;
    groups?: string[] | null;
    discovery?: {
      ports?:
        | {
            number: number;
            name: PortName;
            protocol?: (('tcp' | 'udp') | string) | null;
            labels?: Labels | null;
            [k: string]: unknown;
          }[]
        | null;
      [k: string]: unknown;
    } | null;
    [k: string]: unknown;
  } | null;
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
  } | null;
  unreachableStrategy?: UnreachableStrategy | null;
  killSelection?: KillSelection | null;
  /**
   * Deprecated, no effect since Marathon 1.6.
   */
  residency?: {
    relaunchEscalationTimeoutSeconds?: number | null;
    taskLostBehavior?: (('WAIT_FOREVER' | 'RELAUNCH_AFTER_TIMEOUT') | string) | null;
    [k: string]: unknown;
  } | null;
  secrets?: Secrets | null;
  /**
   * Attach a terminal to the task.
   */
  tty?: boolean | null;
  /**
   * Mesos role the app's resources are reserved for (Marathon 1.9+).
   */
  role?: string | null;
  /**
   * Resources of the executor itself (Marathon 1.8+).
   */
  executorResources?: {
    cpus?: number | null;
    mem?: number | null;
    disk?: number | null;
    [k: string]: unknown;
  } | null;
  resourceLimits?: ResourceLimits | null;
  /**
   * Read-only; ignored on create, but Marathon still reads it as a date-time.
   */
  version?: Datetime | null;
  /**
   * Read-only bookkeeping echoed by the API; ignored on create.
   */
  versionInfo?: VersionInfo | null;
  /**
   * Read-only (GET /v2/apps, embed counts); ignored on create.
   */
  tasksStaged?: number | null;
  /**
   * Read-only (GET /v2/apps, embed counts); ignored on create.
   */
  tasksRunning?: number | null;
  /**
   * Read-only (GET /v2/apps, embed counts); ignored on create.
   */
  tasksHealthy?: number | null;
  /**
   * Read-only (GET /v2/apps, embed counts); ignored on create.
   */
  tasksUnhealthy?: number | null;
  /**
   * Read-only (GET /v2/apps, embed deployments); ignored on create.
   */
  deployments?: unknown[] | null;
  /**
   * Read-only (GET /v2/apps, embed readiness); ignored on create.
   */
  readinessCheckResults?: unknown[] | null;
  /**
   * Read-only (GET /v2/apps, embed tasks); ignored on create.
   */
  tasks?: unknown[] | null;
  /**
   * Read-only (GET /v2/apps, embed lastTaskFailure); ignored on create.
   */
  lastTaskFailure?: {
    [k: string]: unknown;
  } | null;
  /**
   * Read-only (GET /v2/apps, embed taskStats); ignored on create.
   */
  tasksStats?: {
    [k: string]: unknown;
  } | null;
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
  extract?: boolean | null;
  /**
   * Make the downloaded file executable.
   */
  executable?: boolean | null;
  /**
   * Let the Mesos fetcher cache the download.
   */
  cache?: boolean | null;
  /**
   * File name in the sandbox to download to.
   */
  destPath?: string | null;
  [k: string]: unknown;
}
export interface AppHealthCheck {
  /**
   * HTTP/HTTPS/TCP are run by Marathon; MESOS_* and COMMAND by the agent. A check with `command` must say COMMAND.
   */
  protocol?: (('HTTP' | 'HTTPS' | 'TCP' | 'COMMAND' | 'MESOS_HTTP' | 'MESOS_HTTPS' | 'MESOS_TCP') | string) | null;
  /**
   * Command to run for COMMAND checks.
   */
  command?: CheckCommand | null;
  /**
   * HTTP path to request.
   */
  path?: string | null;
  /**
   * Port to probe; use instead of `portIndex`.
   */
  port?: number | null;
  /**
   * Index into the app's port definitions or port mappings.
   */
  portIndex?: number | null;
  /**
   * Failures are ignored for this long after the task starts, or until it is first healthy.
   */
  gracePeriodSeconds?: number | null;
  /**
   * Seconds between checks.
   */
  intervalSeconds?: number | null;
  /**
   * Seconds after which a check counts as failed.
   */
  timeoutSeconds?: number | null;
  /**
   * Failures in a row after which the task is killed; 0 never kills.
   */
  maxConsecutiveFailures?: number | null;
  /**
   * Seconds before the first check (Mesos checks).
   */
  delaySeconds?: number | null;
  /**
   * Treat 1xx answers as neither healthy nor unhealthy.
   */
  ignoreHttp1xx?: boolean | null;
  /**
   * IP version for MESOS_* checks of Docker containers.
   */
  ipProtocol?: (('IPv4' | 'IPv6') | string) | null;
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
    portIndex?: number | null;
    path?: string | null;
    scheme?: ('HTTP' | string) | null;
    [k: string]: unknown;
  } | null;
  tcp?: {
    portIndex?: number | null;
    [k: string]: unknown;
  } | null;
  exec?: {
    command: CheckCommand;
    [k: string]: unknown;
  } | null;
  intervalSeconds?: number | null;
  timeoutSeconds?: number | null;
  delaySeconds?: number | null;
  [k: string]: unknown;
}
/**
 * Checked during deployments before an instance counts as ready.
 */
export interface ReadinessCheck {
  /**
   * Name of the check.
   */
  name?: string | null;
  protocol?: (('HTTP' | 'HTTPS') | string) | null;
  /**
   * HTTP path to request.
   */
  path?: string | null;
  /**
   * Name of the port definition or port mapping to probe.
   */
  portName?: string | null;
  /**
   * Seconds between checks.
   */
  intervalSeconds?: number | null;
  /**
   * Seconds after which a check fails; less than `intervalSeconds`.
   */
  timeoutSeconds?: number | null;
  /**
   * HTTP status codes that mean ready.
   */
  httpStatusCodesForReady?: [number, ...number[]] | null;
  /**
   * Keep the last response for the deployment API.
   */
  preserveLastResponse?: boolean | null;
  [k: string]: unknown;
}
/**
 * How the task is containerized.
 */
export interface Container {
  /**
   * Containerizer: DOCKER (the Docker daemon; the default, needs `docker`) or MESOS (Mesos's own, can still run Docker images).
   */
  type?: (('DOCKER' | 'MESOS') | string) | null;
  docker?: DockerContainer | null;
  /**
   * Volumes mounted into the container.
   */
  volumes?: AppVolume[] | null;
  /**
   * Port mappings on bridge or container networks.
   */
  portMappings?: PortMapping[] | null;
  linuxInfo?: LinuxInfo | null;
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
  network?: (('BRIDGE' | 'HOST' | 'NONE' | 'USER') | string) | null;
  /**
   * Deprecated: use `container.portMappings`.
   */
  portMappings?: PortMapping[] | null;
  /**
   * Run privileged (Docker containerizer only).
   */
  privileged?: boolean | null;
  /**
   * Extra `docker run` options (Docker containerizer only).
   */
  parameters?:
    | {
        key: string;
        value: string;
        [k: string]: unknown;
      }[]
    | null;
  /**
   * Pull the image even if the agent has it.
   */
  forcePullImage?: boolean | null;
  /**
   * Removed in Marathon 1.5: use `pullConfig`.
   */
  credential?: {
    principal: string;
    secret?: string | null;
    [k: string]: unknown;
  } | null;
  /**
   * Registry credentials for the Mesos containerizer.
   */
  pullConfig?: {
    /**
     * Name of an entry of `secrets` holding a Docker config.json.
     */
    secret: string;
    [k: string]: unknown;
  } | null;
  [k: string]: unknown;
}
export interface PortMapping {
  /**
   * Port the application listens on inside the container; 0 means the same as the host port.
   */
  containerPort?: number | null;
  /**
   * Port on the agent; 0 picks a free one. Omit on container networks to allocate none.
   */
  hostPort?: number | null;
  /**
   * Well-known port for service discovery; 0 lets Marathon assign one.
   */
  servicePort?: number | null;
  protocol?: NetworkProtocol | null;
  name?: PortName | null;
  labels?: Labels | null;
  /**
   * Container networks this mapping applies to.
   */
  networkNames?: string[] | null;
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
    type?: (('root' | 'path' | 'mount') | string) | null;
    /**
     * Largest mount disk to accept (type mount only); more than `size`.
     */
    maxSize?: number | null;
    /**
     * Disk profile to use (Marathon 1.8+); implies type mount when `type` is absent (1.9+).
     */
    profileName?: string | null;
    /**
     * Where to create the volume; only `["path", "LIKE"|"UNLIKE", "<regex>"]` on path and mount disks.
     */
    constraints?: [string, string] | [string, string, string][] | null;
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
  name?: string | null;
  /**
   * External volume provider; only "dvdi" exists in Marathon 1.1–1.10.
   */
  provider?: string | null;
  /**
   * Size in GiB to create the volume with; more than 0 when given, and not allowed with Docker containers.
   */
  size?: number | null;
  /**
   * Several apps may use this volume name (Marathon 1.8.222+). A boolean, not the string "true".
   */
  shared?: boolean | null;
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
  } | null;
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
    profileName?: string | null;
    /**
     * Run without seccomp filtering; must be true exactly when no profile is named.
     */
    unconfined?: boolean | null;
    [k: string]: unknown;
  } | null;
  ipcInfo?: {
    /**
     * Private IPC namespace, or share the parent's.
     */
    mode: ('PRIVATE' | 'SHARE_PARENT') | string;
    /**
     * Size of /dev/shm in MiB (PRIVATE mode only).
     */
    shmSize?: number | null;
    [k: string]: unknown;
  } | null;
  [k: string]: unknown;
}
export interface Network {
  /**
   * host: share the agent's network; container/bridge: a bridged network with port mappings; container: a named virtual network (CNI).
   */
  mode?: (('container' | 'container/bridge' | 'host') | string) | null;
  /**
   * Name of the virtual network (container mode only). Defaults to Marathon's `--default_network_name`.
   */
  name?: string | null;
  /**
   * Labels passed to the network (container mode only).
   */
  labels?: Labels | null;
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
  cpus?: ResourceLimit | null;
  /**
   * Memory limit in MiB: at least `mem`, or "unlimited".
   */
  mem?: ResourceLimit | null;
  [k: string]: unknown;
}
/**
 * Read-only bookkeeping echoed by the API; ignored on create.
 */
export interface VersionInfo {
  lastScalingAt?: Datetime | null;
  lastConfigChangeAt?: Datetime | null;
  [k: string]: unknown;
}
/**
 * A Marathon group definition (POST /v2/groups). Pods inside a group body are ignored by Marathon 1.10.
 */
export interface MarathonGroup {
  /**
   * Identifier of the group; apps and groups inside it are resolved against it.
   */
  id?: PathId | null;
  /**
   * Apps directly inside this group.
   */
  apps?: MarathonApp[] | null;
  /**
   * Nested groups; each needs an `id`.
   */
  groups?: ChildGroup[] | null;
  /**
   * Apps or groups deployed before this group.
   */
  dependencies?: PathId[] | null;
  /**
   * Apps in this top-level group must use the group's role (Marathon 1.9+).
   */
  enforceRole?: boolean | null;
  /**
   * Scale every app of the group by this factor (instead of a definition change).
   */
  scaleBy?: number | null;
  /**
   * Read-only; ignored on create, but Marathon still reads it as a date-time.
   */
  version?: Datetime | null;
  /**
   * Read-only (GET /v2/groups); Marathon 1.10 ignores pods in a group body: create them with POST /v2/pods.
   */
  pods?:
    | {
        [k: string]: unknown;
      }[]
    | null;
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
  apps?: MarathonApp[] | null;
  /**
   * Nested groups; each needs an `id`.
   */
  groups?: ChildGroup[] | null;
  /**
   * Apps or groups deployed before this group.
   */
  dependencies?: PathId[] | null;
  /**
   * Apps in this top-level group must use the group's role (Marathon 1.9+).
   */
  enforceRole?: boolean | null;
  /**
   * Scale every app of the group by this factor (instead of a definition change).
   */
  scaleBy?: number | null;
  /**
   * Read-only; ignored on create, but Marathon still reads it as a date-time.
   */
  version?: Datetime | null;
  /**
   * Read-only (GET /v2/groups); Marathon 1.10 ignores pods in a group body: create them with POST /v2/pods.
   */
  pods?:
    | {
        [k: string]: unknown;
      }[]
    | null;
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
  labels?: Labels | null;
  /**
   * Read-only; ignored on create, but Marathon still reads it as a date-time.
   */
  version?: Datetime | null;
  /**
   * OS user the containers run as, unless a container says otherwise.
   */
  user?: string | null;
  /**
   * Environment variables of every container; containers may override them.
   */
  environment?: PodEnvVars | null;
  /**
   * The containers of the pod (at least one).
   *
   * @minItems 1
   */
  containers: [PodContainer, ...PodContainer[]];
  secrets?: Secrets | null;
  /**
   * Volumes declared once and mounted by containers through `volumeMounts`.
   */
  volumes?: PodVolume[] | null;
  networks?: Networks | null;
  /**
   * How many instances of the pod run.
   */
  scaling?: {
    /**
     * Only fixed scaling exists; Marathon reads "fixed" exactly, in lower case, and requires it.
     */
    kind?: 'fixed' | null;
    /**
     * Number of pod instances.
     */
    instances?: number | null;
    /**
     * Upper bound for `instances`.
     */
    maxInstances?: number | null;
    [k: string]: unknown;
  } | null;
  /**
   * Placement, upgrade and failure handling.
   */
  scheduling?: {
    backoff?: {
      /**
       * Seconds before relaunching a failed instance.
       */
      backoff?: number | null;
      /**
       * Growth factor of the relaunch delay.
       */
      backoffFactor?: number | null;
      /**
       * Upper bound of the relaunch delay in seconds.
       */
      maxLaunchDelay?: number | null;
      [k: string]: unknown;
    } | null;
    upgrade?: {
      minimumHealthCapacity?: number | null;
      /**
       * Must be 0 for pods with persistent volumes.
       */
      maximumOverCapacity?: number | null;
      [k: string]: unknown;
    } | null;
    placement?: {
      /**
       * Placement constraints; duplicates are collapsed. Unlike an app's `[field, OPERATOR, value]` arrays, a pod's are objects.
       */
      constraints?: PodConstraint[] | null;
      acceptedResourceRoles?: string[] | null;
      [k: string]: unknown;
    } | null;
    killSelection?: KillSelection | null;
    unreachableStrategy?: UnreachableStrategy | null;
    [k: string]: unknown;
  } | null;
  /**
   * Resources of the pod executor itself.
   */
  executorResources?: {
    cpus?: number | null;
    mem?: number | null;
    disk?: number | null;
    [k: string]: unknown;
  } | null;
  linuxInfo?: LinuxInfo | null;
  /**
   * Mesos role (Marathon 1.9+).
   */
  role?: string | null;
  /**
   * Share one cgroup between the containers (not with `resourceLimits`).
   */
  legacySharedCgroups?: boolean | null;
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
    overrideEntrypoint?: boolean | null;
    [k: string]: unknown;
  } | null;
  /**
   * Resources reserved for the container (required, may be `{}`).
   */
  resources: {
    cpus?: number | null;
    /**
     * MiB.
     */
    mem?: number | null;
    /**
     * MiB.
     */
    disk?: number | null;
    gpus?: number | null;
    [k: string]: unknown;
  };
  resourceLimits?: ResourceLimits | null;
  /**
   * Ports of the container.
   */
  endpoints?:
    | {
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
        hostPort?: number | null;
        /**
         * Protocols served on the port: transport ("tcp", "udp") or application names such as "http" that other tools read.
         */
        protocol?: string[] | null;
        labels?: Labels | null;
        networkNames?: string[] | null;
        [k: string]: unknown;
      }[]
    | null;
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
    forcePull?: boolean | null;
    labels?: Labels | null;
    pullConfig?: {
      secret: string;
      [k: string]: unknown;
    } | null;
    [k: string]: unknown;
  } | null;
  environment?: PodEnvVars | null;
  user?: string | null;
  healthCheck?: PodHealthCheck | null;
  /**
   * A Mesos check (Marathon 1.8+).
   */
  check?: {
    [k: string]: unknown;
  } | null;
  volumeMounts?:
    | {
        /**
         * Name of a pod volume.
         */
        name: string;
        /**
         * Path inside the container.
         */
        mountPath: string;
        readOnly?: boolean | null;
        [k: string]: unknown;
      }[]
    | null;
  artifacts?: FetchArtifact[] | null;
  labels?: Labels | null;
  lifecycle?: {
    /**
     * Seconds between SIGTERM and SIGKILL.
     */
    killGracePeriodSeconds?: number | null;
    [k: string]: unknown;
  } | null;
  tty?: boolean | null;
  linuxInfo?: LinuxInfo | null;
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
    path?: string | null;
    scheme?: (('HTTP' | 'HTTPS') | string) | null;
    [k: string]: unknown;
  } | null;
  tcp?: {
    endpoint: string;
    [k: string]: unknown;
  } | null;
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
  } | null;
  gracePeriodSeconds?: number | null;
  intervalSeconds?: number | null;
  maxConsecutiveFailures?: number | null;
  /**
   * Less than `intervalSeconds`.
   */
  timeoutSeconds?: number | null;
  delaySeconds?: number | null;
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
    type?: (('root' | 'path' | 'mount') | string) | null;
    /**
     * MiB.
     */
    size: number;
    maxSize?: number | null;
    profileName?: string | null;
    constraints?: string[][] | null;
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
  host?: never;
  persistent?: never;
  secret?: never;
  [k: string]: unknown;
}
/**
 * Placement rule `{"fieldName": ..., "operator": ..., "value": ...}`.
 */
export interface PodConstraint {
  /**
   * The field the constraint applies to: "hostname" or an agent attribute such as "rack".
   */
  fieldName: string;
  /**
   * UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER or IS (IS from Marathon 1.6).
   */
  operator: ('UNIQUE' | 'CLUSTER' | 'GROUP_BY' | 'LIKE' | 'UNLIKE' | 'MAX_PER' | 'IS') | string;
  /**
   * The operand: a regular expression (LIKE, UNLIKE), a number (GROUP_BY, MAX_PER) or a value (CLUSTER, IS).
   */
  value?: string | null;
  [k: string]: unknown;
}
/**
 * A Chronos job (POST /v1/scheduler/iso8601 or /v1/scheduler/dependency).
 */
export interface ChronosJob {
  /**
   * Job name: letters, digits, "_", "." and "-" only.
   */
  name: string | null;
  /**
   * Command to run (with /bin/sh -c when `shell` is true).
   */
  command?: string | null;
  /**
   * Run `command` through a shell; when false, `command` is the executable and `arguments` its arguments.
   */
  shell?: (boolean | string) | null;
  /**
   * Arguments when `shell` is false.
   */
  arguments?: (string | null)[] | null;
  /**
   * ISO 8601 repeating interval `R[n]/[start]/P<period>`; an empty start means now.
   */
  schedule?: string;
  /**
   * Time zone name applied to the schedule's start.
   */
  scheduleTimeZone?: string | null;
  /**
   * Names of jobs that must succeed before this one runs; makes the job dependent (schedule is then ignored).
   *
   * @minItems 1
   */
  parents?: [string | null, ...(string | null)[]];
  /**
   * Chronos 2.x only: how late a run may start (ISO 8601 duration).
   */
  epsilon?: string | null;
  /**
   * Chronos 2.x only.
   */
  async?: (boolean | string) | null;
  /**
   * Retries after a failure.
   */
  retries?: (number | string) | null;
  /**
   * E-mail addresses notified on failure, comma-separated.
   */
  owner?: string | null;
  /**
   * Owner's name.
   */
  ownerName?: string | null;
  /**
   * What the job does.
   */
  description?: string | null;
  /**
   * CPU shares; 0 or absent uses Chronos's default (0.1).
   */
  cpus?: (number | string) | null;
  /**
   * Memory in MB; 0 or absent uses Chronos's default (128).
   */
  mem?: (number | string) | null;
  /**
   * Disk in MB; 0 or absent uses Chronos's default (256).
   */
  disk?: (number | string) | null;
  /**
   * Seconds after which a run is failed; 0 means no limit.
   */
  maxCompletionTime?: (number | string) | null;
  disabled?: (boolean | string) | null;
  /**
   * Allow runs to overlap.
   */
  concurrent?: (boolean | string) | null;
  /**
   * Failures do not disable the job.
   */
  softError?: (boolean | string) | null;
  highPriority?: (boolean | string) | null;
  dataProcessingJobType?: (boolean | string) | null;
  /**
   * OS user of the task.
   */
  runAsUser?: string | null;
  /**
   * Custom executor.
   */
  executor?: string | null;
  /**
   * Flags of the custom executor.
   */
  executorFlags?: string | null;
  /**
   * Opaque data passed to the executor.
   */
  taskInfoData?: string | null;
  /**
   * Deprecated: use `fetch` (not both).
   */
  uris?: (string | null)[] | null;
  fetch?:
    | {
        /**
         * URI to download into the sandbox.
         */
        uri: string | null;
        /**
         * File name to save as.
         */
        output_file?: string | null;
        executable?: (boolean | string) | null;
        cache?: (boolean | string) | null;
        extract?: (boolean | string) | null;
        [k: string]: unknown;
      }[]
    | null;
  /**
   * Environment variables as a list of `{name, value}` (unlike Marathon's map).
   */
  environmentVariables?:
    | {
        name: string | null;
        value: string | null;
        [k: string]: unknown;
      }[]
    | null;
  /**
   * Placement: `[attribute, OPERATOR, value]`; only EQUALS, LIKE and UNLIKE are understood.
   */
  constraints?: (string | null)[][] | null;
  /**
   * Container to run the job in (Chronos 3.0.2+ for MESOS and external volumes). Chronos reads it only when it has an `image`; without one it ignores the whole block.
   */
  container?: ChronosContainer | ChronosContainerWithoutAnImage;
  successCount?: (number | string) | null;
  errorCount?: (number | string) | null;
  lastSuccess?: string | null;
  lastError?: string | null;
  errorsSinceLastSuccess?: (number | string) | null;
  [k: string]: unknown;
}
export interface ChronosContainer {
  type?: ('DOCKER' | 'MESOS') | string;
  /**
   * Image to run; without it the container block is ignored.
   */
  image: string | null;
  forcePullImage?: (boolean | string) | null;
  /**
   * Docker network mode; upper case only (Chronos compares it exactly).
   */
  network?: 'BRIDGE' | 'HOST' | 'USER';
  /**
   * Deprecated: use `networkInfos`.
   */
  networkName?: string | null;
  networkInfos?:
    | {
        name: string | null;
        protocol?: 'IPv4' | 'IPv6';
        labels?:
          | {
              key: string | null;
              value: string | null;
              [k: string]: unknown;
            }[]
          | null;
        portMappings?:
          | {
              hostPort: number | null;
              containerPort: number | null;
              protocol?: string | null;
              [k: string]: unknown;
            }[]
          | null;
        [k: string]: unknown;
      }[]
    | null;
  /**
   * Extra `docker run` options.
   */
  parameters?:
    | {
        key: string | null;
        value: string | null;
        [k: string]: unknown;
      }[]
    | null;
  volumes?:
    | {
        /**
         * Path inside the container.
         */
        containerPath: string | null;
        /**
         * Path on the agent.
         */
        hostPath?: string | null;
        mode?: ('RW' | 'RO') | string;
        external?: {
          /**
           * Volume name as the driver knows it.
           */
          name: string | null;
          /**
           * Docker volume driver name (e.g. "rexray", "local-persist") — unlike Marathon, not "dvdi".
           */
          provider: string | null;
          /**
           * Driver options as a list of `{key, value}` (Marathon uses a map).
           */
          options?:
            | {
                key: string | null;
                value: string | null;
                [k: string]: unknown;
              }[]
            | null;
          [k: string]: unknown;
        };
        [k: string]: unknown;
      }[]
    | null;
  [k: string]: unknown;
}
/**
 * Chronos ignores this block: it reads a container only when it has an `image`.
 */
export interface ChronosContainerWithoutAnImage {
  [k: string]: unknown;
}
