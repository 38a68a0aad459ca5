// The share quick fix marks every not-yet-shared use of the name, and then no app of the group conflicts;
// where Marathon ignores `shared` (before 1.8.222) there is no such fix, only the advice to rename.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyTextEdits, fixToTextEdits, lint, lintTogether } from '../../../src/index';
import { defaultProfile } from '../../../src/core/profile';

const here = dirname(fileURLToPath(import.meta.url));
const ruleId = 'dvdi-name-unique-in-root-group';

for (const file of ['invalid-two-apps-same-name.json', 'invalid-shared-and-non-shared.json']) {
  test(`${ruleId}: "mark shared" on ${file} leaves no conflict, and changes only "shared" keys`, () => {
    const text = readFileSync(join(here, file), 'utf8');
    const finding = lint(text).diagnostics.find((d) => d.ruleId === ruleId);
    assert.ok(finding?.fix, 'the finding offers a fix');
    assert.match(finding.fix.title, /^Mark ".+" shared in every app that uses it$/);
    const fixed = applyTextEdits(text, fixToTextEdits(text, finding.fix));
    assert.deepEqual(lint(fixed).diagnostics.filter((d) => d.ruleId === ruleId), []);
    const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'shared' ? undefined : x)));
    assert.deepEqual(strip(JSON.parse(fixed)), strip(JSON.parse(text)));
  });
}

test(`${ruleId}: before 1.8.222 (shared not honoured) no fix is offered`, () => {
  const text = readFileSync(join(here, 'invalid-two-apps-same-name.json'), 'utf8');
  const finding = lint(text, { profile: { ...defaultProfile, marathonVersion: '1.6' } }).diagnostics.find((d) => d.ruleId === ruleId);
  assert.ok(finding, 'still reported');
  assert.equal(finding.fix, undefined);
});

const deployed = JSON.parse(readFileSync(join(here, 'with-cluster/deployed-root-group.json'), 'utf8'));
const findingsOf = (results: { diagnostics: { ruleId: string; fix?: unknown }[] }[]) => results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId));

test(`${ruleId}: against a cluster, the fix edits the linted file at its own pointers, and repairs it there`, () => {
  const text = readFileSync(join(here, 'invalid-two-apps-same-name.json'), 'utf8');
  const [result] = lintTogether([{ text }], { deployed });
  const finding = findingsOf([result]).find((d) => d.fix);
  assert.ok(finding?.fix, 'a fix in context');
  const fixed = applyTextEdits(text, fixToTextEdits(text, finding.fix as never));
  assert.deepEqual(findingsOf(lintTogether([{ text: fixed }], { deployed })), []);
});

test(`${ruleId}: no fix when part of it would edit what the file does not hold (a deployed app, another file)`, () => {
  const deployedName = readFileSync(join(here, 'with-cluster/invalid-name-used-by-deployed-app.json'), 'utf8');
  const onCluster = findingsOf(lintTogether([{ text: deployedName }], { deployed }));
  assert.ok(onCluster.length > 0);
  assert.deepEqual(onCluster.map((d) => d.fix), onCluster.map(() => undefined));
  const app = (id: string) => JSON.stringify({ id, cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'v1', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] }, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 } });
  const twoFiles = findingsOf(lintTogether([{ text: app('/a') }, { text: app('/b') }]));
  assert.equal(twoFiles.length, 2);
  assert.deepEqual(twoFiles.map((d) => d.fix), [undefined, undefined]);
});
