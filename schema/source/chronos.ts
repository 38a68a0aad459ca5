/**
 * A Chronos job (mesos/chronos 3.0.x `JobDeserializer`). Chronos reads JSON with lenient Jackson accessors:
 * numbers and booleans may also be written as strings (`"cpus": "0.5"`), so those fields accept both.
 *
 * An explicit `null` passes JobDeserializer's has()/get() != null guards and is read as "null", false, 0 or an empty
 * list (language-server/src/model/chronos/chronosNullReadings.ts has the table, JobDeserializer.scala@c1348ddfd8
 * lines). `nullable` marks the fields where Chronos still accepts the job, so the schema rejects a null only where
 * Chronos fails on it: an enum (`type`, `network`, `mode`, `protocol`), `external`, `schedule`, `parents` and the
 * items of a list of objects or of constraints. chronos-null-value and chronos-null-fails say what each null does.
 */
import { ciEnum, fullMatch, obj, orNull, type JsonSchema } from './jsonSchema';

const numeric = (annotations: JsonSchema): JsonSchema => ({
  ...annotations,
  anyOf: [{ type: 'number' }, { type: 'string', pattern: fullMatch(String.raw`\s*-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*`) }],
});
const bool = (annotations: JsonSchema): JsonSchema => ({
  ...annotations,
  anyOf: [{ type: 'boolean' }, { type: 'string', pattern: fullMatch('\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*') }],
});
const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
// Like orNull, but the field's own schema keeps its description too: a pattern's error message quotes the description
// found beside the pattern (language-server/src/core/schemaDescriptions.ts).
const nullable = (schema: JsonSchema): JsonSchema => ({ ...orNull(schema), anyOf: [schema, { type: 'null' }] });
const nullableStr = (description: string, extra: JsonSchema = {}): JsonSchema => nullable(str(description, extra));
const nullableList = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => nullable({ type: 'array', items, ...extra });

export const chronosDocumentDefinitions: Record<string, JsonSchema> = {
  job: obj(
    {
      name: nullableStr('Job name: letters, digits, "_", "." and "-" only.', { minLength: 1, pattern: fullMatch(String.raw`[A-Za-z0-9_.\-]+`), examples: ['nightly-backup'] }),
      command: nullableStr('Command to run (with /bin/sh -c when `shell` is true).', { default: '' }),
      shell: nullable(bool({ default: true, description: 'Run `command` through a shell; when false, `command` is the executable and `arguments` its arguments.' })),
      arguments: nullableList(nullable({ type: 'string' }), { description: 'Arguments when `shell` is false.' }),
      schedule: str('ISO 8601 repeating interval `R[n]/[start]/P<period>`; an empty start means now.', {
        pattern: fullMatch('R[0-9]*/.*/P.*'),
        examples: ['R/2014-03-08T20:00:00.000Z/PT2H', 'R//P1D'],
      }),
      scheduleTimeZone: nullableStr('Time zone name applied to the schedule\'s start.', { default: '', examples: ['America/Los_Angeles'] }),
      // A null "parents" makes a dependent job without parents, which Chronos refuses; a null item is a parent named "null".
      parents: { type: 'array', items: nullable({ type: 'string' }), minItems: 1, description: 'Names of jobs that must succeed before this one runs; makes the job dependent (schedule is then ignored).' },
      epsilon: nullableStr('Chronos 2.x only: how late a run may start (ISO 8601 duration).', { examples: ['PT15M'] }),
      async: nullable(bool({ description: 'Chronos 2.x only.' })),
      retries: nullable(numeric({ default: 2, description: 'Retries after a failure.' })),
      owner: nullableStr('E-mail addresses notified on failure, comma-separated.', { default: '' }),
      ownerName: nullableStr('Owner\'s name.', { default: '' }),
      description: nullableStr('What the job does.', { default: '' }),
      cpus: nullable(numeric({ description: 'CPU shares; 0 or absent uses Chronos\'s default (0.1).' })),
      mem: nullable(numeric({ description: 'Memory in MB; 0 or absent uses Chronos\'s default (128).' })),
      disk: nullable(numeric({ description: 'Disk in MB; 0 or absent uses Chronos\'s default (256).' })),
      maxCompletionTime: nullable(numeric({ default: 0, description: 'Seconds after which a run is failed; 0 means no limit.' })),
      disabled: nullable(bool({ default: false })),
      concurrent: nullable(bool({ default: false, description: 'Allow runs to overlap.' })),
      softError: nullable(bool({ default: false, description: 'Failures do not disable the job.' })),
      highPriority: nullable(bool({ default: false })),
      dataProcessingJobType: nullable(bool({ default: false })),
      runAsUser: nullableStr('OS user of the task.'),
      executor: nullableStr('Custom executor.', { default: '' }),
      executorFlags: nullableStr('Flags of the custom executor.', { default: '' }),
      taskInfoData: nullableStr('Opaque data passed to the executor.', { default: '' }),
      uris: nullableList(nullable({ type: 'string' }), { description: 'Deprecated: use `fetch` (not both).' }),
      fetch: nullableList(
        obj(
          {
            uri: nullableStr('URI to download into the sandbox.'),
            output_file: nullableStr('File name to save as.'),
            executable: nullable(bool({ default: false })),
            cache: nullable(bool({ default: false })),
            extract: nullable(bool({ default: true })),
          },
          ['uri'],
        ),
      ),
      environmentVariables: nullableList(obj({ name: nullable({ type: 'string', minLength: 1 }), value: nullable({ type: 'string' }) }, ['name', 'value']), {
        description: 'Environment variables as a list of `{name, value}` (unlike Marathon\'s map).',
      }),
      // No minItems: Chronos drops an unknown operator before it reads a value (["hostname", "UNIQUE"] is accepted
      // and ignored); the items it does read are chronos-constraint-value's and chronos-constraint-operator's.
      constraints: nullableList(
        { type: 'array', items: nullable({ type: 'string' }) },
        { description: 'Placement: `[attribute, OPERATOR, value]`; only EQUALS, LIKE and UNLIKE are understood.' },
      ),
      container: {
        description: 'Container to run the job in (Chronos 3.0.2+ for MESOS and external volumes). Chronos reads it only when it has an `image`; without one it ignores the whole block.',
        // JobDeserializer reads the block only if `container.has("image")`; anything else under "container" is never looked at.
        anyOf: [
          obj(
            {
              type: ciEnum(['DOCKER', 'MESOS'], { default: 'DOCKER' }),
              image: nullableStr('Image to run; without it the container block is ignored.', { examples: ['libmesos/ubuntu'] }),
              forcePullImage: nullable(bool({ default: false })),
              network: { type: 'string', enum: ['BRIDGE', 'HOST', 'USER'], default: 'HOST', description: 'Docker network mode; upper case only (Chronos compares it exactly).' },
              networkName: nullableStr('Deprecated: use `networkInfos`.'),
              networkInfos: nullableList(
                // JobDeserializer reads these keys with get(…) and no has(…): a missing one is a NullPointerException
                // (chronos-missing-fails), while a null reads as "null" or 0.
                obj(
                  {
                    name: nullable({ type: 'string' }),
                    protocol: { type: 'string', enum: ['IPv4', 'IPv6'] },
                    labels: nullableList(obj({ key: nullable({ type: 'string' }), value: nullable({ type: 'string' }) }, ['key', 'value'])),
                    portMappings: nullableList(
                      obj(
                        {
                          hostPort: nullable({ type: 'integer', minimum: 0, maximum: 65535 }),
                          containerPort: nullable({ type: 'integer', minimum: 0, maximum: 65535 }),
                          protocol: nullable({ type: 'string' }),
                        },
                        ['hostPort', 'containerPort'],
                      ),
                    ),
                  },
                  ['name'],
                ),
              ),
              parameters: nullableList(obj({ key: nullable({ type: 'string' }), value: nullable({ type: 'string' }) }, ['key', 'value']), { description: 'Extra `docker run` options.' }),
              volumes: nullableList(
                obj(
                  {
                    containerPath: nullableStr('Path inside the container.'),
                    hostPath: nullableStr('Path on the agent.'),
                    mode: ciEnum(['RW', 'RO']),
                    external: obj(
                      {
                        name: nullableStr('Volume name as the driver knows it.'),
                        provider: nullableStr('Docker volume driver name (e.g. "rexray", "local-persist") — unlike Marathon, not "dvdi".', { examples: ['rexray'] }),
                        options: nullableList(obj({ key: nullable({ type: 'string' }), value: nullable({ type: 'string' }) }, ['key', 'value']), {
                          description: 'Driver options as a list of `{key, value}` (Marathon uses a map).',
                        }),
                      },
                      ['name', 'provider'],
                    ),
                  },
                  ['containerPath'],
                ),
              ),
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
      successCount: nullable(numeric({})),
      errorCount: nullable(numeric({})),
      lastSuccess: nullable({ type: 'string' }),
      lastError: nullable({ type: 'string' }),
      errorsSinceLastSuccess: nullable(numeric({})),
    },
    ['name'],
    { title: 'Chronos job', description: 'A Chronos job (POST /v1/scheduler/iso8601 or /v1/scheduler/dependency).' },
  ),
};
