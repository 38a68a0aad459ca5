// One mistake, one finding (mutations.ts): every valid rule fixture, and every corpus file in ../shared/corpus
// that lints clean, gets one mistake at a time — a wrong enum value, a wrong type, a misspelt key, a required key
// removed — and must then get exactly one new finding, at the mutated place, with no validator jargon.
// Bounded: a fixed sample of 6 mutations per document (seeded, so a failure reproduces), about 3,000 in all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultProfile, lint } from '../../src/index';
import { fixturesDir, jsonFiles, nearestConfig, profileFor } from '../ruleFixtures';
import { checkMutations, jargon, mutationsOf, type Source } from './mutations';

const perDocument = 6;
// CI clones the repo with shared/ beside it (BRIEF.md); without it the corpus half is skipped, and says so.
const corpusDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');

const fixtureSources: Source[] = [...jsonFiles(fixturesDir)]
  .filter((f) => basename(f).startsWith('valid'))
  .map((f) => ({ name: f, text: readFileSync(f, 'utf8'), profile: profileFor(nearestConfig(f)) }));

function report(failures: ReturnType<typeof checkMutations>['failures']): string {
  return failures.slice(0, 15).map((f) => `${f.source}: ${f.mutation}\n    ${f.problem}`).join('\n');
}

test('mutations: the checker sees what it checks (it can fail)', () => {
  const app = { id: '/web', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: '/d', hostPath: '/h', mode: 'RW' }] } };
  const kinds = new Set(mutationsOf(app, 'app').map((m) => m.kind));
  assert.deepEqual([...kinds].sort(), ['enum', 'missing', 'type', 'typo']);
  assert.ok(jargon.test('"x" must match a schema in anyOf') && jargon.test("'hostPath' is undefined on object: {}") && jargon.test('boolean schema is false'));
  // A mistake that yields two findings is reported: an external volume in a pod trips the schema and a rule.
  const pod = JSON.stringify({ id: '/p', containers: [{ name: 'c', resources: { cpus: 0.1, mem: 32 } }], volumes: [{ name: 'v', external: { name: 'x' } }] });
  assert.ok(lint(pod).diagnostics.length >= 1);
});

test('mutations: the "mode": "RWX" host volume of issue 14 gives one finding, about mode', () => {
  const text = JSON.stringify({ id: '/web', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: '/data', hostPath: '/var/data', mode: 'RWX' }] } });
  const found = lint(text).diagnostics;
  assert.deepEqual(found.map((d) => d.pointer), ['/container/volumes/0/mode']);
  assert.doesNotMatch(found[0].message, jargon);
  assert.doesNotMatch(found[0].message, /persistent|external|secret/);
});

test('mutations: valid rule fixtures, one mistake at a time', () => {
  const { checked, failures } = checkMutations(fixtureSources, perDocument);
  assert.ok(checked > 1000, `only ${checked} mutations were checked`);
  assert.deepEqual(failures.length, 0, `${failures.length} of ${checked} mutations broke "one mistake, one finding":\n${report(failures)}`);
});

test('mutations: corpus files, one mistake at a time', { skip: existsSync(corpusDir) ? false : `needs ../shared/corpus beside the repo (${corpusDir})` }, () => {
  const sources: Source[] = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8'), profile: defaultProfile }));
  const { checked, failures } = checkMutations(sources, perDocument);
  assert.ok(checked > 1000, `only ${checked} mutations were checked`);
  assert.deepEqual(failures.length, 0, `${failures.length} of ${checked} mutations broke "one mistake, one finding":\n${report(failures)}`);
});
