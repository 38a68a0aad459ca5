/* eslint-disable */
// Generated from schema/chronos-job.schema.json by schema/scripts/generate-types.ts; do not edit.
// Regenerate: node --import tsx schema/scripts/generate-types.ts

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
