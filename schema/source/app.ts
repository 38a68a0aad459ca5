/** A Marathon app (`app.raml`, `appContainer.raml`, Marathon 1.10) with its container. */
import { appHealthDefinitions } from './appHealth';
import { appVolumeDefinitions } from './appVolumes';
import { ciEnum, fullMatch, int32, int64, obj, orNull, readOnlyField, ref, type JsonSchema } from './jsonSchema';
import { marathonCommonDefinitions, portNumber } from './marathonCommon';

const portMapping = obj({
  containerPort: portNumber({ default: 0, description: 'Port the application listens on inside the container; 0 means the same as the host port.' }),
  hostPort: portNumber({ description: 'Port on the agent; 0 picks a free one. Omit on container networks to allocate none.' }),
  servicePort: portNumber({ default: 0, description: 'Well-known port for service discovery; 0 lets Marathon assign one.' }),
  protocol: ref('networkProtocol'),
  name: ref('portName'),
  labels: ref('labels'),
  networkNames: { type: 'array', items: { type: 'string' }, description: 'Container networks this mapping applies to.' },
});

/**
 * What `GET /v2/apps` adds to an app (AppInfo, marathon-api.md §4): status that an exported definition carries and
 * Marathon ignores on create or update. Declared so that an export is not full of "unknown field" warnings.
 */
const readOnly = (type: string, what: string): JsonSchema => readOnlyField({ type, description: `Read-only (GET /v2/apps, ${what}); ignored on create.` });
const appInfoStatus: Record<string, JsonSchema> = {
  tasksStaged: readOnly('integer', 'embed counts'),
  tasksRunning: readOnly('integer', 'embed counts'),
  tasksHealthy: readOnly('integer', 'embed counts'),
  tasksUnhealthy: readOnly('integer', 'embed counts'),
  deployments: readOnly('array', 'embed deployments'),
  readinessCheckResults: readOnly('array', 'embed readiness'),
  tasks: readOnly('array', 'embed tasks'),
  lastTaskFailure: readOnly('object', 'embed lastTaskFailure'),
  tasksStats: readOnly('object', 'embed taskStats'),
};

const appDefinitions: Record<string, JsonSchema> = {
  app: obj(
    {
      id: ref('pathId', 'Unique identifier of the app: a path such as "/prod/web"; relative ids are resolved against the enclosing group.'),
      cmd: orNull({ type: 'string', minLength: 1, description: 'Command run with `/bin/sh -c`. Give `cmd` or `args`, not both.', examples: ['python3 -m http.server $PORT0'] }),
      args: orNull({ type: 'array', items: { type: 'string' }, description: 'Command as an argument vector (no shell); with Docker, arguments to the image\'s entrypoint.' }),
      user: orNull({ type: 'string', description: 'OS user the task runs as on the agent.' }),
      env: orNull(ref('envVars')),
      instances: int32(0, { default: 1, description: 'Number of instances to run.' }),
      cpus: { type: 'number', minimum: 0.001, default: 1, description: 'CPU shares per instance; fractions allowed.', examples: [0.5] },
      mem: { type: 'number', minimum: 0, default: 128, description: 'Memory per instance in MiB.', examples: [256] },
      disk: { type: 'number', minimum: 0, default: 0, description: 'Scratch disk per instance in MiB.' },
      gpus: int32(0, { default: 0, description: 'GPUs per instance (Mesos containerizer, `gpu_resources` feature).' }),
      executor: { type: 'string', pattern: fullMatch('(//cmd)|(/?[^/]+(/[^/]+)*)|'), default: '', description: 'Custom executor path; empty or "//cmd" uses the Mesos command executor.' },
      constraints: ref('constraints'),
      acceptedResourceRoles: { type: 'array', items: { type: 'string' }, description: 'Only offers of these roles are used ("*" = unreserved).', examples: [['*'], ['slave_public']] },
      labels: ref('labels'),
      uris: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1024 }, description: 'Deprecated: use `fetch`. URIs downloaded into the sandbox.' },
      fetch: { type: 'array', items: ref('fetchArtifact'), description: 'Artifacts the Mesos fetcher downloads into the sandbox before the task starts.' },
      dependencies: { type: 'array', items: ref('pathId'), description: 'Apps or groups that are deployed before this one.' },
      healthChecks: { type: 'array', items: ref('appHealthCheck'), description: 'Health checks; failing ones get the task killed and replaced.' },
      check: ref('appCheck'),
      readinessChecks: { type: 'array', items: ref('readinessCheck'), description: 'At most one readiness check.' },
      backoffSeconds: int32(0, { default: 1, description: 'Delay before relaunching a failed task; multiplied by `backoffFactor` per failure.' }),
      backoffFactor: { type: 'number', minimum: 1, default: 1.15, description: 'Growth factor of the relaunch delay.' },
      maxLaunchDelaySeconds: int32(0, { default: 300, description: 'Upper bound of the relaunch delay (3600 before Marathon 1.8).' }),
      taskKillGracePeriodSeconds: int32(0, { description: 'Seconds between SIGTERM and SIGKILL when a task is stopped.' }),
      container: ref('container'),
      portDefinitions: {
        type: 'array',
        description: 'Ports of the agent the task needs, on host networking (dropped on other networks).',
        items: obj({
          port: portNumber({ default: 0, description: 'Service port; 0 lets Marathon assign one. With `requirePorts`, the host port.' }),
          protocol: ref('networkProtocol'),
          name: ref('portName'),
          labels: ref('labels'),
        }),
      },
      ports: { type: 'array', items: portNumber(), description: 'Deprecated: use `portDefinitions`.' },
      requirePorts: { type: 'boolean', default: false, description: 'Use the given ports as host ports instead of picking free ones (host networking).' },
      networks: ref('networks'),
      ipAddress: obj(
        {
          networkName: { type: 'string' },
          labels: ref('labels'),
          groups: { type: 'array', items: { type: 'string' } },
          discovery: obj({
            ports: {
              type: 'array',
              items: obj({ number: int32(0), name: ref('portName'), protocol: ciEnum(['tcp', 'udp'], { default: 'tcp' }), labels: ref('labels') }, ['number', 'name']),
            },
          }),
        },
        [],
        { description: 'Deprecated: use `networks`. IP-per-task settings.' },
      ),
      upgradeStrategy: obj(
        {
          minimumHealthCapacity: { type: 'number', minimum: 0, maximum: 1, description: 'Fraction of instances that must stay healthy during an upgrade.' },
          maximumOverCapacity: { type: 'number', minimum: 0, maximum: 1, description: 'Fraction of extra instances that may run during an upgrade; 0 for apps with persistent or external volumes.' },
        },
        ['minimumHealthCapacity', 'maximumOverCapacity'],
        { description: 'How instances are replaced on upgrade. Default {1, 1}; {0.5, 0} for apps with persistent or external volumes.' },
      ),
      unreachableStrategy: ref('unreachableStrategy'),
      killSelection: ref('killSelection'),
      residency: obj(
        {
          relaunchEscalationTimeoutSeconds: int64(0, { default: 3600 }),
          taskLostBehavior: ciEnum(['WAIT_FOREVER', 'RELAUNCH_AFTER_TIMEOUT'], { default: 'WAIT_FOREVER' }),
        },
        [],
        { description: 'Deprecated, no effect since Marathon 1.6.' },
      ),
      secrets: ref('secrets'),
      tty: { type: 'boolean', description: 'Attach a terminal to the task.' },
      role: { type: 'string', minLength: 1, description: 'Mesos role the app\'s resources are reserved for (Marathon 1.9+).' },
      executorResources: obj({ cpus: { type: 'number', minimum: 0 }, mem: { type: 'number', minimum: 0 }, disk: { type: 'number', minimum: 0 } }, [], {
        description: 'Resources of the executor itself (Marathon 1.8+).',
      }),
      resourceLimits: ref('resourceLimits'),
      version: readOnlyField(ref('datetime', 'Read-only; ignored on create, but Marathon still reads it as a date-time.')),
      versionInfo: readOnlyField(ref('versionInfo', 'Read-only bookkeeping echoed by the API; ignored on create.')),
      ...appInfoStatus,
    },
    ['id'],
    { title: 'Marathon app', description: 'A Marathon application definition (POST /v2/apps).' },
  ),
  container: obj(
    {
      type: ciEnum(['DOCKER', 'MESOS'], { default: 'DOCKER', description: 'Containerizer: DOCKER (the Docker daemon; the default, needs `docker`) or MESOS (Mesos\'s own, can still run Docker images).' }),
      docker: ref('dockerContainer'),
      volumes: { type: 'array', items: ref('appVolume'), description: 'Volumes mounted into the container.' },
      portMappings: { type: 'array', items: ref('portMapping'), description: 'Port mappings on bridge or container networks.' },
      linuxInfo: ref('linuxInfo'),
    },
    [],
    { description: 'How the task is containerized.' },
  ),
  dockerContainer: obj(
    {
      image: { type: 'string', minLength: 1, description: 'Docker image to run.', examples: ['nginx:1.25', 'postgres:15'] },
      network: ciEnum(['BRIDGE', 'HOST', 'NONE', 'USER'], { description: 'Deprecated: use `networks`.' }),
      portMappings: { type: 'array', items: ref('portMapping'), description: 'Deprecated: use `container.portMappings`.' },
      privileged: { type: 'boolean', default: false, description: 'Run privileged (Docker containerizer only).' },
      parameters: {
        type: 'array',
        description: 'Extra `docker run` options (Docker containerizer only).',
        items: obj({ key: { type: 'string', minLength: 1 }, value: { type: 'string' } }, ['key', 'value']),
        examples: [[{ key: 'log-driver', value: 'journald' }]],
      },
      forcePullImage: { type: 'boolean', default: false, description: 'Pull the image even if the agent has it.' },
      credential: obj({ principal: { type: 'string' }, secret: { type: 'string' } }, ['principal'], { description: 'Removed in Marathon 1.5: use `pullConfig`.' }),
      pullConfig: obj({ secret: { type: 'string', description: 'Name of an entry of `secrets` holding a Docker config.json.' } }, ['secret'], {
        description: 'Registry credentials for the Mesos containerizer.',
      }),
    },
    ['image'],
    { description: 'Docker image settings.' },
  ),
  portMapping,
};

/** Every definition an app needs; the app itself is `definitions.app`. */
export const appDocumentDefinitions: Record<string, JsonSchema> = {
  ...marathonCommonDefinitions,
  ...appDefinitions,
  ...appVolumeDefinitions,
  ...appHealthDefinitions,
};
