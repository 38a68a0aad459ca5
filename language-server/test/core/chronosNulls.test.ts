// An explicit JSON null in a Chronos job is read by Jackson's tree API (JobDeserializer.scala@c1348ddfd8, Jackson
// 2.7.2 via chaos 0.8.7): has()/get() != null are true for it, asText() gives "null", asBoolean() false, asInt()/
// asLong()/asDouble() 0, and iterating it gives nothing. Our verdict must be Chronos's, field by field: no finding
// where the null means what leaving the field out means, a warning where it silently means something else, an error
// where Chronos fails on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateChronosJob } from '@marathon-devtools/schema/validators';
import { lint } from '../../src/index';
import { chronosNullReadings } from '../../src/model/chronos/chronosNullReadings';

const base = { name: 'nightly-report', command: 'make report', schedule: 'R/2024-01-01T02:00:00Z/P1D' };
// As `--kind chronos-job` (or a `$schema` naming ours) lints it: shape detection wants a string name (core/kind.ts).
const findings = (job: object) => lint(JSON.stringify(job, null, 2), { kind: 'chronos-job' }).diagnostics.map((d) => ({ rule: d.ruleId, severity: d.severity, pointer: d.pointer, message: d.message }));

test('nulls Chronos reads as "absent" (0 = default resources, false, no list, no container) yield nothing', () => {
  const job = {
    ...base,
    cpus: null, mem: null, disk: null, maxCompletionTime: null, disabled: null, concurrent: null, softError: null,
    highPriority: null, dataProcessingJobType: null, successCount: null, errorCount: null, errorsSinceLastSuccess: null,
    uris: null, arguments: null, fetch: null, environmentVariables: null, constraints: null, container: null,
  };
  assert.deepEqual(findings(job), []);
});

test('"shell": null is a warning: Chronos reads it as false, not its default true', () => {
  const got = findings({ ...base, shell: null });
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.deepEqual([got[0].rule, got[0].severity, got[0].pointer], ['chronos-null-value', 'warning', '/shell']);
  assert.match(got[0].message, /as false/);
  assert.match(got[0].message, /true/);
});

test('a string field set to null is a warning: Chronos reads the text "null"', () => {
  const got = findings({ ...base, command: null });
  assert.deepEqual(got.map((f) => [f.rule, f.severity, f.pointer]), [['chronos-null-value', 'warning', '/command']]);
  assert.match(got[0].message, /the text "null"/);
});

test('"name": null is accepted by Chronos (a job named "null"): a warning, not an error', () => {
  const got = findings({ ...base, name: null });
  assert.deepEqual(got.map((f) => [f.rule, f.severity, f.pointer]), [['chronos-null-value', 'warning', '/name']]);
});

test('nulls Chronos fails on are one error each, in Chronos\'s terms', () => {
  const network = findings({ ...base, container: { image: 'alpine:3', network: null } });
  assert.deepEqual(network.map((f) => [f.rule, f.severity, f.pointer]), [['chronos-null-fails', 'error', '/container/network']]);
  const item = findings({ ...base, fetch: [null] });
  assert.deepEqual(item.map((f) => [f.rule, f.severity, f.pointer]), [['chronos-null-fails', 'error', '/fetch/0']]);
  assert.match(item[0].message, /MatchError/);
  const schedule = findings({ ...base, schedule: null });
  assert.deepEqual(schedule.map((f) => [f.rule, f.severity, f.pointer]), [['chronos-null-fails', 'error', '/schedule']]);
  assert.match(schedule[0].message, /Cannot parse schedule 'null' \(wtf bro\)/);
});

test('a null under a container Chronos ignores (no "image") is not judged', () => {
  const got = findings({ ...base, container: { network: null } }).filter((f) => f.rule.startsWith('chronos-null'));
  assert.deepEqual(got, []);
});

/** A job with every field the null table names, so each can be set to null in turn. */
const scheduled = {
  ...base, shell: true, scheduleTimeZone: 'UTC', executor: '', executorFlags: '', taskInfoData: '', retries: 2,
  owner: 'ops@example.com', ownerName: 'ops', description: 'd', lastSuccess: '', lastError: '', cpus: 0.5, mem: 128, disk: 256,
  maxCompletionTime: 0, disabled: false, concurrent: false, softError: false, highPriority: false, dataProcessingJobType: false,
  successCount: 0, errorCount: 0, errorsSinceLastSuccess: 0, runAsUser: 'root', uris: ['https://example.com/a.tgz'],
  arguments: ['-v'], fetch: [{ uri: 'https://example.com/b.tgz', output_file: 'b.tgz', executable: false, cache: false, extract: true }],
  environmentVariables: [{ name: 'A', value: 'b' }], constraints: [['hostname', 'EQUALS', 'agent-1']],
  container: {
    image: 'alpine:3', type: 'DOCKER', network: 'BRIDGE', forcePullImage: false, networkName: 'n',
    networkInfos: [{ name: 'n', protocol: 'IPv4', labels: [{ key: 'k', value: 'v' }], portMappings: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }] }],
    parameters: [{ key: 'label', value: 'a=b' }],
    volumes: [{ containerPath: '/data', hostPath: '/srv', mode: 'RW', external: { name: 'reports', provider: 'rexray', options: [{ key: 'size', value: '1' }] } }],
  },
};
const { schedule: _schedule, scheduleTimeZone: _zone, ...dependent } = { ...scheduled, parents: ['nightly-export'] };

function withNullAt(job: object, pointer: string): object {
  const copy = structuredClone(job) as Record<string, any>;
  const parts = pointer.split('/').slice(1);
  let at: any = copy;
  for (const p of parts.slice(0, -1)) at = at[p];
  at[parts[parts.length - 1]] = null;
  return copy;
}

// By rule and place: a finding that names the job (chronos-uris-fetch, in the template) says "null" for a null name.
const key = (f: { rule: string; pointer: string }) => `${f.rule} ${f.pointer}`;

for (const reading of chronosNullReadings) {
  test(`${reading.path}: null is "${reading.verdict}" to Chronos (JobDeserializer.scala:${reading.line}), for the schema and the rules alike`, () => {
    const job = reading.path.startsWith('/parents') ? dependent : scheduled;
    const pointer = reading.path.replace(/\*/g, '0');
    const doc = withNullAt(job, pointer);
    const before = new Set(findings(job).map(key));
    const added = findings(doc).filter((f) => !before.has(key(f)));
    const expected = { absent: [], reads: [['chronos-null-value', 'warning', pointer]], fails: [['chronos-null-fails', 'error', pointer]] }[reading.verdict];
    assert.deepEqual(added.map((f) => [f.rule, f.severity, f.pointer]), expected, JSON.stringify(added));
    // The published schema on its own (ajv-cli, editors) accepts the null exactly where Chronos accepts the job.
    assert.equal(validateChronosJob(doc), reading.verdict !== 'fails', JSON.stringify(validateChronosJob.errors));
  });
}
