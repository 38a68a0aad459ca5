/**
 * A Chronos job (mesos/chronos 3.0.x `JobDeserializer`). Chronos reads JSON with lenient Jackson accessors:
 * numbers and booleans may also be written as strings (`"cpus": "0.5"`), so those fields accept both.
 */
import { ciEnum, fullMatch, obj, type JsonSchema } from './jsonSchema';

const numeric = (annotations: JsonSchema): JsonSchema => ({
  ...annotations,
  anyOf: [{ type: 'number' }, { type: 'string', pattern: fullMatch(String.raw`\s*-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*`) }],
});
const bool = (annotations: JsonSchema): JsonSchema => ({
  ...annotations,
  anyOf: [{ type: 'boolean' }, { type: 'string', pattern: fullMatch('\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*') }],
});
const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });

export const chronosDocumentDefinitions: Record<string, JsonSchema> = {
  job: obj(
    {
      name: str('Job name: letters, digits, "_", "." and "-" only.', { minLength: 1, pattern: fullMatch(String.raw`[A-Za-z0-9_.\-]+`), examples: ['nightly-backup'] }),
      command: str('Command to run (with /bin/sh -c when `shell` is true).', { default: '' }),
      shell: bool({ default: true, description: 'Run `command` through a shell; when false, `command` is the executable and `arguments` its arguments.' }),
      arguments: { type: 'array', items: { type: 'string' }, description: 'Arguments when `shell` is false.' },
      schedule: str('ISO 8601 repeating interval `R[n]/[start]/P<period>`; an empty start means now.', {
        pattern: fullMatch('R[0-9]*/.*/P.*'),
        examples: ['R/2014-03-08T20:00:00.000Z/PT2H', 'R//P1D'],
      }),
      scheduleTimeZone: str('Time zone name applied to the schedule\'s start.', { default: '', examples: ['America/Los_Angeles'] }),
      parents: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Names of jobs that must succeed before this one runs; makes the job dependent (schedule is then ignored).' },
      epsilon: str('Chronos 2.x only: how late a run may start (ISO 8601 duration).', { examples: ['PT15M'] }),
      async: bool({ description: 'Chronos 2.x only.' }),
      retries: numeric({ default: 2, description: 'Retries after a failure.' }),
      owner: str('E-mail addresses notified on failure, comma-separated.', { default: '' }),
      ownerName: str('Owner\'s name.', { default: '' }),
      description: str('What the job does.', { default: '' }),
      cpus: numeric({ description: 'CPU shares; 0 or absent uses Chronos\'s default (0.1).' }),
      mem: numeric({ description: 'Memory in MB; 0 or absent uses Chronos\'s default (128).' }),
      disk: numeric({ description: 'Disk in MB; 0 or absent uses Chronos\'s default (256).' }),
      maxCompletionTime: numeric({ default: 0, description: 'Seconds after which a run is failed; 0 means no limit.' }),
      disabled: bool({ default: false }),
      concurrent: bool({ default: false, description: 'Allow runs to overlap.' }),
      softError: bool({ default: false, description: 'Failures do not disable the job.' }),
      highPriority: bool({ default: false }),
      dataProcessingJobType: bool({ default: false }),
      runAsUser: str('OS user of the task.'),
      executor: str('Custom executor.', { default: '' }),
      executorFlags: str('Flags of the custom executor.', { default: '' }),
      taskInfoData: str('Opaque data passed to the executor.', { default: '' }),
      uris: { type: 'array', items: { type: 'string' }, description: 'Deprecated: use `fetch` (not both).' },
      fetch: {
        type: 'array',
        items: obj(
          {
            uri: str('URI to download into the sandbox.'),
            output_file: str('File name to save as.'),
            executable: bool({ default: false }),
            cache: bool({ default: false }),
            extract: bool({ default: true }),
          },
          ['uri'],
        ),
      },
      environmentVariables: {
        type: 'array',
        description: 'Environment variables as a list of `{name, value}` (unlike Marathon\'s map).',
        items: obj({ name: { type: 'string', minLength: 1 }, value: { type: 'string' } }, ['name', 'value']),
      },
      constraints: {
        type: 'array',
        description: 'Placement: `[attribute, OPERATOR, value]`; only EQUALS, LIKE and UNLIKE are understood.',
        // No minItems: Chronos drops an unknown operator before it reads a value (["hostname", "UNIQUE"] is accepted
        // and ignored); the items it does read are chronos-constraint-value's and chronos-constraint-operator's.
        items: { type: 'array', items: { type: 'string' } },
      },
      container: {
        description: 'Container to run the job in (Chronos 3.0.2+ for MESOS and external volumes). Chronos reads it only when it has an `image`; without one it ignores the whole block.',
        // JobDeserializer reads the block only if `container.has("image")`; anything else under "container" is never looked at.
        anyOf: [
          obj(
            {
              type: ciEnum(['DOCKER', 'MESOS'], { default: 'DOCKER' }),
              image: str('Image to run; without it the container block is ignored.', { examples: ['libmesos/ubuntu'] }),
              forcePullImage: bool({ default: false }),
              network: { type: 'string', enum: ['BRIDGE', 'HOST', 'USER'], default: 'HOST', description: 'Docker network mode; upper case only (Chronos compares it exactly).' },
              networkName: str('Deprecated: use `networkInfos`.'),
              networkInfos: {
                type: 'array',
                items: obj({
                  name: { type: 'string' },
                  protocol: { type: 'string', enum: ['IPv4', 'IPv6'] },
                  labels: { type: 'array', items: obj({ key: { type: 'string' }, value: { type: 'string' } }, ['key']) },
                  portMappings: {
                    type: 'array',
                    items: obj({ hostPort: { type: 'integer', minimum: 0, maximum: 65535 }, containerPort: { type: 'integer', minimum: 0, maximum: 65535 }, protocol: { type: 'string' } }),
                  },
                }),
              },
              parameters: { type: 'array', items: obj({ key: { type: 'string' }, value: { type: 'string' } }, ['key']), description: 'Extra `docker run` options.' },
              volumes: {
                type: 'array',
                items: obj(
                  {
                    containerPath: str('Path inside the container.'),
                    hostPath: str('Path on the agent.'),
                    mode: ciEnum(['RW', 'RO']),
                    external: obj(
                      {
                        name: str('Volume name as the driver knows it.'),
                        provider: str('Docker volume driver name (e.g. "rexray", "local-persist") — unlike Marathon, not "dvdi".', { examples: ['rexray'] }),
                        options: {
                          type: 'array',
                          description: 'Driver options as a list of `{key, value}` (Marathon uses a map).',
                          items: obj({ key: { type: 'string' }, value: { type: 'string' } }, ['key', 'value']),
                        },
                      },
                      ['name', 'provider'],
                    ),
                  },
                  ['containerPath'],
                ),
              },
            },
            ['image'],
            { title: 'Chronos container' },
          ),
          {
            title: 'Chronos container without an image',
            description: 'Chronos ignores this block: it reads a container only when it has an `image`.',
            not: { type: 'object', required: ['image'] },
          },
        ],
      },
      successCount: numeric({}),
      errorCount: numeric({}),
      lastSuccess: { type: 'string' },
      lastError: { type: 'string' },
      errorsSinceLastSuccess: numeric({}),
    },
    ['name'],
    { title: 'Chronos job', description: 'A Chronos job (POST /v1/scheduler/iso8601 or /v1/scheduler/dependency).' },
  ),
};
