// The published schemas work with the real ajv-cli and no code of ours: `ajv validate -s <schema> -d <file>`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '../..');
const ajvCli = join(root, 'node_modules/.bin/ajv');

function ajvValidate(schema: string, data: string) {
  return spawnSync(ajvCli, ['validate', '-s', schema, '-d', data], { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

const cases = [
  ['schema/marathon-app.schema.json', 'app-docker-external-volume-rexray.json', 'app-external-volume-shared-as-string.json'],
  ['schema/marathon-group.schema.json', 'group-nested-with-apps.json', 'group-app-with-invalid-id.json'],
  ['schema/marathon-pod.schema.json', 'pod-two-containers-shared-ephemeral-volume.json', 'pod-container-without-resources.json'],
  ['schema/marathon-apps.schema.json', 'apps-create-two-apps.json', 'apps-element-cpus-as-string.json'],
  ['schema/chronos-job.schema.json', 'chronos-job-docker-external-volume.json', 'chronos-job-name-with-space.json'],
] as const;

for (const [schema, valid, invalid] of cases) {
  test(`ajv-cli accepts examples/valid/${valid} and rejects examples/invalid/${invalid} with ${schema}`, { skip: !existsSync(ajvCli) && 'ajv-cli not installed' }, () => {
    const good = ajvValidate(schema, `schema/examples/valid/${valid}`);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout + good.stderr, / valid/);
    assert.doesNotMatch(good.stdout + good.stderr, /strict mode|unknown format|warning/i);
    const bad = ajvValidate(schema, `schema/examples/invalid/${invalid}`);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout + bad.stderr, / invalid/);
  });
}
