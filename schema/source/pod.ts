/** A Marathon pod (`pod.raml`, `podContainer.raml`, Marathon 1.10): co-located containers sharing network and volumes. */
import { ciEnum, fullMatch, int32, int64, obj, orNull, readOnlyField, ref, type JsonSchema } from './jsonSchema';
import { LABEL_NAME, marathonCommonDefinitions, portNumber } from './marathonCommon';

const name63 = (description: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength: 63, pattern: fullMatch(LABEL_NAME), description });

const podDefinitions: Record<string, JsonSchema> = {
  pod: obj(
    {
      id: ref('pathId', 'Unique identifier of the pod, a path such as "/prod/web".'),
      labels: ref('labels'),
      version: readOnlyField(ref('datetime', 'Read-only; ignored on create, but Marathon still reads it as a date-time.')),
      user: orNull({ type: 'string', description: 'OS user the containers run as, unless a container says otherwise.' }),
      environment: ref('podEnvVars', 'Environment variables of every container; containers may override them.'),
      containers: { type: 'array', minItems: 1, items: ref('podContainer'), description: 'The containers of the pod (at least one).' },
      secrets: ref('secrets'),
      volumes: { type: 'array', items: ref('podVolume'), description: 'Volumes declared once and mounted by containers through `volumeMounts`.' },
      networks: ref('networks'),
      scaling: obj(
        {
          // A RAML discriminator, not an enum: the generated reader matches it exactly (ObjectVisitor.scala). It needs it
          // too, null included; pod-scaling says so (a null here would otherwise read as absent, and be the schema's twice).
          kind: { type: 'string', enum: ['fixed'], description: 'Only fixed scaling exists; Marathon reads "fixed" exactly, in lower case, and requires it.' },
          instances: int32(0, { default: 1, description: 'Number of pod instances.' }),
          maxInstances: orNull(int32(0, { description: 'Upper bound for `instances`.' })),
        },
        [],
        { description: 'How many instances of the pod run.' },
      ),
      scheduling: obj({
        backoff: obj({
          backoff: { type: 'number', minimum: 0, default: 1, description: 'Seconds before relaunching a failed instance.' },
          backoffFactor: { type: 'number', minimum: 0, default: 1.15, description: 'Growth factor of the relaunch delay.' },
          maxLaunchDelay: { type: 'number', minimum: 0, default: 300, description: 'Upper bound of the relaunch delay in seconds.' },
        }),
        upgrade: obj({
          minimumHealthCapacity: { type: 'number', minimum: 0, maximum: 1, default: 1 },
          maximumOverCapacity: { type: 'number', minimum: 0, maximum: 1, default: 1, description: 'Must be 0 for pods with persistent volumes.' },
        }),
        placement: obj({
          constraints: {
            type: 'array',
            description: 'Placement constraints; duplicates are collapsed. Unlike an app\'s `[field, OPERATOR, value]` arrays, a pod\'s are objects.',
            items: ref('podConstraint'),
          },
          acceptedResourceRoles: { type: 'array', items: { type: 'string' } },
        }),
        killSelection: ref('killSelection'),
        unreachableStrategy: ref('unreachableStrategy'),
      }, [], { description: 'Placement, upgrade and failure handling.' }),
      executorResources: obj({
        cpus: { type: 'number', minimum: 0, default: 0.1 },
        mem: { type: 'number', minimum: 0, default: 32 },
        disk: { type: 'number', minimum: 0, default: 10 },
      }, [], { description: 'Resources of the pod executor itself.' }),
      linuxInfo: ref('linuxInfo'),
      role: { type: 'string', minLength: 1, description: 'Mesos role (Marathon 1.9+).' },
      legacySharedCgroups: { type: 'boolean', description: 'Share one cgroup between the containers (not with `resourceLimits`).' },
    },
    ['id', 'containers'],
    { title: 'Marathon pod', description: 'A Marathon pod definition (POST /v2/pods).' },
  ),
  // pod.raml PodPlacementPolicy.constraints is `constraint.Constraint[]` (constraint.raml, 1.4 to 1.10): objects, not arrays.
  podConstraint: obj(
    {
      fieldName: { type: 'string', description: 'The field the constraint applies to: "hostname" or an agent attribute such as "rack".' },
      operator: ciEnum(['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'], {
        description: 'UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER or IS (IS from Marathon 1.6).',
      }),
      value: orNull({ type: 'string', description: 'The operand: a regular expression (LIKE, UNLIKE), a number (GROUP_BY, MAX_PER) or a value (CLUSTER, IS).' }),
    },
    ['fieldName', 'operator'],
    {
      description: 'Placement rule `{"fieldName": ..., "operator": ..., "value": ...}`.',
      examples: [{ fieldName: 'hostname', operator: 'UNIQUE' }, { fieldName: 'rack', operator: 'GROUP_BY', value: '3' }],
    },
  ),
  podEnvVars: {
    type: 'object',
    description: 'Environment variables: a string value, or `{"secret": "<name>"}` naming an entry of `secrets`.',
    propertyNames: { pattern: fullMatch('[a-zA-Z_][a-zA-Z0-9_]{0,253}') },
    additionalProperties: { anyOf: [{ type: 'string' }, obj({ secret: { type: 'string' } }, ['secret'])] },
  },
  podContainer: obj(
    {
      name: name63('Name of the container, unique in the pod: lower-case letters, digits and "-", 1 to 63 characters.'),
      exec: obj(
        {
          command: {
            description: 'Either `{"shell": "…"}` (run by /bin/sh) or `{"argv": [...]}`.',
            anyOf: [obj({ shell: { type: 'string', minLength: 1 } }, ['shell']), obj({ argv: { type: 'array', items: { type: 'string' }, minItems: 1 } }, ['argv'])],
          },
          overrideEntrypoint: { type: 'boolean', description: 'Replace the image\'s entrypoint by the command.' },
        },
        ['command'],
      ),
      resources: obj(
        {
          cpus: { type: 'number', minimum: 0.001, default: 1 },
          mem: { type: 'number', minimum: 0, default: 128, description: 'MiB.' },
          disk: { type: 'number', minimum: 0, default: 0, description: 'MiB.' },
          gpus: int32(0, { default: 0 }),
        },
        [],
        { description: 'Resources reserved for the container (required, may be `{}`).' },
      ),
      resourceLimits: ref('resourceLimits'),
      endpoints: {
        type: 'array',
        description: 'Ports of the container.',
        items: obj(
          {
            name: name63('Endpoint name, unique across the pod.'),
            containerPort: orNull(portNumber({ description: 'Port inside the container; required on container networks, not allowed on host networking.' })),
            hostPort: portNumber({ description: 'Port on the agent; 0 picks a free one.' }),
            protocol: { type: 'array', items: { type: 'string' }, default: ['tcp'], description: 'Protocols served on the port: transport ("tcp", "udp") or application names such as "http" that other tools read.' },
            labels: ref('labels'),
            networkNames: { type: 'array', items: { type: 'string' } },
          },
          ['name'],
        ),
      },
      image: orNull(
        obj(
          {
            kind: ciEnum(['DOCKER', 'APPC'], { description: 'Image format.' }),
            id: { type: 'string', minLength: 1, maxLength: 1024, description: 'Image name.', examples: ['nginx:1.25'] },
            forcePull: { type: 'boolean', default: false },
            labels: ref('labels'),
            pullConfig: obj({ secret: { type: 'string' } }, ['secret']),
          },
          ['kind', 'id'],
          { description: 'File system image of the container; none runs on the agent\'s file system.' },
        ),
      ),
      environment: ref('podEnvVars'),
      user: orNull({ type: 'string' }),
      healthCheck: orNull(ref('podHealthCheck')),
      check: obj({}, [], { description: 'A Mesos check (Marathon 1.8+).' }),
      volumeMounts: {
        type: 'array',
        items: obj(
          {
            name: name63('Name of a pod volume.'),
            mountPath: { type: 'string', minLength: 1, maxLength: 1024, description: 'Path inside the container.' },
            readOnly: { type: 'boolean', default: false },
          },
          ['name', 'mountPath'],
        ),
      },
      artifacts: { type: 'array', items: ref('fetchArtifact') },
      labels: ref('labels'),
      lifecycle: orNull(obj({ killGracePeriodSeconds: { type: 'number', minimum: 0, description: 'Seconds between SIGTERM and SIGKILL.' } })),
      tty: { type: 'boolean' },
      linuxInfo: ref('linuxInfo'),
    },
    ['name', 'resources'],
    { description: 'One container of the pod.' },
  ),
  podHealthCheck: obj({
    http: obj({ endpoint: { type: 'string', description: 'Name of an endpoint of this container.' }, path: { type: 'string' }, scheme: ciEnum(['HTTP', 'HTTPS'], { default: 'HTTP' }) }, ['endpoint']),
    tcp: obj({ endpoint: { type: 'string' } }, ['endpoint']),
    exec: obj({ command: { anyOf: [obj({ shell: { type: 'string' } }, ['shell']), obj({ argv: { type: 'array', items: { type: 'string' } } }, ['argv'])] } }, ['command']),
    gracePeriodSeconds: int32(0, { default: 300 }),
    intervalSeconds: int32(0, { default: 60 }),
    maxConsecutiveFailures: int32(0, { default: 3 }),
    timeoutSeconds: int32(0, { default: 20, description: 'Less than `intervalSeconds`.' }),
    delaySeconds: int32(0, { default: 15 }),
  }, [], { description: 'Exactly one of http, tcp or exec.' }),
  podVolume: {
    description: 'A pod volume: ephemeral (name only), host, persistent or secret.',
    anyOf: [
      obj({ name: name63('Volume name.'), host: { type: 'string', minLength: 1, description: 'Path on the agent.' } }, ['name', 'host'], { title: 'Host volume' }),
      obj(
        {
          name: name63('Volume name.'),
          persistent: obj(
            {
              type: ciEnum(['root', 'path', 'mount'], { default: 'root' }),
              size: int64(0, { description: 'MiB.' }),
              maxSize: int64(0),
              profileName: { type: 'string' },
              constraints: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
            },
            ['size'],
          ),
        },
        ['name', 'persistent'],
        { title: 'Persistent volume' },
      ),
      obj({ name: name63('Volume name.'), secret: { type: 'string', minLength: 1 } }, ['name', 'secret'], { title: 'Secret volume' }),
      // Pods cannot declare external volumes; Marathon's union rejects them rather than reading an ephemeral one.
      // Nor is a volume with a broken host/persistent/secret part an ephemeral one: those keys belong to the other forms.
      obj({ name: name63('Volume name.'), external: false, host: false, persistent: false, secret: false }, ['name'], { title: 'Ephemeral volume' }),
    ],
  },
};

export const podDocumentDefinitions: Record<string, JsonSchema> = { ...marathonCommonDefinitions, ...podDefinitions };
