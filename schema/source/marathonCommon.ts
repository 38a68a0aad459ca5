/** Shapes shared by Marathon apps, groups and pods (Marathon 1.10 RAML types). */
import { ciEnum, fullMatch, int32, int64, obj, orNull, ref, type JsonSchema } from './jsonSchema';

/** PathId segment rules of Marathon 1.10 (`stringTypes.raml` / `PathId.scala`). */
const PATH_ID = String.raw`(\/?((\.\.)|(([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9]))?($|\/))+`;
/** A TCP/UDP port number (0 usually means "pick one"). */
export function portNumber(annotations: JsonSchema = {}): JsonSchema {
  return { type: 'integer', minimum: 0, maximum: 65535, ...annotations };
}

export const LABEL_NAME = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

export const marathonCommonDefinitions: Record<string, JsonSchema> = {
  pathId: {
    type: 'string',
    minLength: 1,
    pattern: fullMatch(PATH_ID),
    description:
      'Path of names separated by "/" (absolute, or relative to the enclosing group). Each name uses lower-case letters, digits, "-" and ".", and neither starts nor ends with "-".',
    examples: ['/prod/db/postgres', 'frontend'],
  },
  labels: {
    type: 'object',
    description: 'Metadata as string keys and string values; other tools (load balancers, DC/OS) read them. Values must be strings.',
    additionalProperties: { type: 'string' },
    examples: [{ HAPROXY_GROUP: 'external' }],
  },
  envVars: {
    type: 'object',
    description: 'Environment variables of the task: a string value, or `{"secret": "<name>"}` to inject a secret declared in `secrets`.',
    additionalProperties: {
      anyOf: [{ type: 'string' }, obj({ secret: { type: 'string', description: 'Name of an entry of `secrets`.' } }, ['secret'])],
    },
    examples: [{ LOG_LEVEL: 'info', DB_PASSWORD: { secret: 'dbpass' } }],
  },
  secrets: {
    type: 'object',
    description: 'Secrets the task may use, by name; each names its source in the secret store. Needs the `secrets` feature (DC/OS Enterprise).',
    additionalProperties: obj({ source: { type: 'string', minLength: 1, description: 'Path of the secret in the secret store.' } }, ['source']),
    examples: [{ dbpass: { source: '/prod/db/password' } }],
  },
  constraint: {
    type: 'array',
    description:
      'Placement rule `[field, OPERATOR]` or `[field, OPERATOR, value]`. Operators: UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS — written in upper case.',
    items: { type: 'string' },
    minItems: 2,
    maxItems: 3,
    examples: [['hostname', 'UNIQUE'], ['rack_id', 'GROUP_BY', '3']],
  },
  constraints: {
    type: 'array',
    description: 'Placement constraints; duplicates are collapsed.',
    items: ref('constraint'),
  },
  networkProtocol: ciEnum(['tcp', 'udp', 'udp,tcp'], { description: 'Transport protocol of the port.', default: 'tcp' }),
  portName: {
    type: 'string',
    pattern: fullMatch(LABEL_NAME),
    description: 'Port name: lower-case letters, digits and "-", not starting or ending with "-".',
    examples: ['http', 'admin-api'],
  },
  network: obj({
    mode: ciEnum(['container', 'container/bridge', 'host'], {
      description: 'host: share the agent\'s network; container/bridge: a bridged network with port mappings; container: a named virtual network (CNI).',
      default: 'container',
    }),
    name: orNull({
      type: 'string',
      maxLength: 63,
      pattern: fullMatch('[a-z0-9]([-a-z0-9_]*[a-z0-9])?'),
      description: 'Name of the virtual network (container mode only). Defaults to Marathon\'s `--default_network_name`.',
      examples: ['dcos'],
    }),
    labels: ref('labels', 'Labels passed to the network (container mode only).'),
  }),
  networks: {
    type: 'array',
    description: 'Networks the task joins: one host network, one container/bridge network, or one or more container networks.',
    items: ref('network'),
    default: [{ mode: 'host' }],
  },
  fetchArtifact: obj(
    {
      uri: { type: 'string', minLength: 1, maxLength: 1024, description: 'URI the Mesos fetcher downloads into the sandbox.' },
      extract: { type: 'boolean', default: true, description: 'Extract archives (.tgz, .zip, …) after download.' },
      executable: { type: 'boolean', default: false, description: 'Make the downloaded file executable.' },
      cache: { type: 'boolean', default: false, description: 'Let the Mesos fetcher cache the download.' },
      destPath: { type: 'string', description: 'File name in the sandbox to download to.' },
    },
    ['uri'],
  ),
  killSelection: ciEnum(['YOUNGEST_FIRST', 'OLDEST_FIRST'], { description: 'Which instances are killed first when scaling down.', default: 'YOUNGEST_FIRST' }),
  unreachableStrategy: {
    description: 'What Marathon does with instances on unreachable agents: `"disabled"` (wait forever), or replace them after the given times.',
    // UnreachableDisabled is a RAML string enum (unreachableStrategy.raml), read case-insensitively like every
    // enum (marathon-rules.md §1.1); apps read it with the RAML reader from 1.4 on too (Formats.scala@8d31177218).
    anyOf: [
      ciEnum(['disabled']),
      obj({
        inactiveAfterSeconds: int64(0, { default: 0, description: 'Seconds after which an unreachable instance is replaced.' }),
        expungeAfterSeconds: int64(0, { default: 0, description: 'Seconds after which an unreachable instance is forgotten (killed if it comes back).' }),
      }),
    ],
  },
  resourceLimit: {
    description: 'Limit above the requested amount, or "unlimited" (Marathon 1.10+).',
    anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', enum: ['unlimited'] }],
  },
  resourceLimits: obj(
    { cpus: ref('resourceLimit', 'CPU limit: at least `cpus`, or "unlimited".'), mem: ref('resourceLimit', 'Memory limit in MiB: at least `mem`, or "unlimited".') },
    [],
    { description: 'Resource limits above the reserved amounts (Marathon 1.10+).' },
  ),
  linuxInfo: obj(
    {
      seccomp: obj({
        profileName: { type: 'string', description: 'Seccomp profile known to the agent.' },
        unconfined: { type: 'boolean', description: 'Run without seccomp filtering; must be true exactly when no profile is named.' },
      }),
      ipcInfo: obj(
        {
          mode: ciEnum(['PRIVATE', 'SHARE_PARENT'], { description: 'Private IPC namespace, or share the parent\'s.' }),
          shmSize: int32(0, { description: 'Size of /dev/shm in MiB (PRIVATE mode only).' }),
        },
        ['mode'],
      ),
    },
    [],
    { description: 'Linux-specific settings of the Mesos containerizer (Marathon 1.8+).' },
  ),
  checkCommand: obj({ value: { type: 'string', description: 'Shell command; exit code 0 means healthy.' } }, ['value']),
  // RAML `datetime`, read as java.time.OffsetDateTime with ISO_OFFSET_DATE_TIME (case-insensitive, offset
  // required); anything else fails the JSON layer with `error.expected.date.isoformat`.
  datetime: {
    type: 'string',
    pattern: fullMatch(String.raw`[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)`),
    description: 'An ISO-8601 date and time with an offset, e.g. "2021-01-01T00:00:00.000Z".',
    examples: ['2021-01-01T00:00:00.000Z'],
  },
  versionInfo: obj({
    lastScalingAt: ref('datetime'),
    lastConfigChangeAt: ref('datetime'),
  }, [], { description: 'Read-only bookkeeping echoed by the API; ignored on create.' }),
};
